package org.sockd.common.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the command starts: the first ':' unless a '#' comes first; IPv6 colons only where the grammar has them. */
class LineFieldsTest {

    /** The classic daemon: every ':' outside a comment ends the fields. */
    private static final Predicate<String> CLASSIC = field -> false;
    private static final Predicate<String> IPV6 =
            field -> field.matches("[0-9a-f]*::?[0-9a-f:]*") && field.contains("::");

    @ParameterizedTest(name = "\"{0}\": {1} classic, {2} with IPv6 fields")
    @CsvSource(delimiter = '|', value = {
        "a b : cmd # not a comment | 4 | 4",
        "a b # c : d               | -1 | -1",
        "a b:cmd                   | 3 | 3",
        "direct fd00:: ffff:: : run | 11 | 21",
        "direct fd00:: ffff::      | 11 | -1",
        "direct fd00::#x : run     | 11 | 11"})
    void theCommandColon(String line, int classic, int withIpv6) {
        assertThat(LineFields.commandColon(line, CLASSIC)).isEqualTo(classic);
        assertThat(LineFields.commandColon(line, IPV6)).isEqualTo(withIpv6);
    }
}
