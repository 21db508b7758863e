package org.sockd.common.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.common.text.SyntaxException;

class PercentCodeTest {

    @Test
    void theClassicCodesAreKnownAndNoOthers() {
        assertThat(PercentCode.known()).isEqualTo("%A %a %c %p %S %s %U %u %Z %z %%");
        assertThat(PercentCode.of('Z')).hasValue(PercentCode.DESTINATION_NAME);
        assertThat(PercentCode.of('x')).isEmpty();
        assertThat(PercentCode.of('%')).hasValue(PercentCode.PERCENT);
    }

    @Test
    void aCommandWithKnownCodesOnlyPasses() {
        assertThatCode(() -> PercentCode.check("mail -s '100%% %u@%A to %Z (%S)' root")).doesNotThrowAnyException();
        assertThatCode(() -> PercentCode.check("")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            echo %x         | %x
            echo %u%q       | %q
            echo 100%       | %
            echo %%%        | %
            echo %1         | %1
            """)
    void anUnknownCodeIsAnErrorNamingIt(String command, String code) {
        assertThatThrownBy(() -> PercentCode.check(command)).isInstanceOf(SyntaxException.class)
                .hasMessage("Invalid shell command \"" + command + "\": unknown code \"" + code + "\" (known: "
                        + PercentCode.known() + ")");
    }
}
