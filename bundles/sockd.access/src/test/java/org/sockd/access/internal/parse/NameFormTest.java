package org.sockd.access.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.access.internal.rule.AddressMask;
import org.sockd.access.internal.rule.AddressPattern;
import org.sockd.access.internal.rule.NamePattern;
import org.sockd.access.internal.rule.Rule;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.LoadResult;

/** The SOCKS 4.3 name forms of the address fields. */
class NameFormTest {

    private static final ConfParser PARSER = new ConfParser(Services.parse(List.of()));
    private static final AddressMask NET10 = new AddressMask(0x0A000000, 0xFF000000);

    static Stream<Arguments> addressForms() {
        return Stream.of(
                Arguments.of("permit host.example.com 0.0.0.0", new NamePattern.Host("host.example.com"),
                        AddressMask.ANY),
                Arguments.of("permit Host.Example.COM 255.255.255.255", new NamePattern.Host("Host.Example.COM"),
                        AddressMask.ANY),
                Arguments.of("permit localhost 0.0.0.0", new NamePattern.Host("localhost"), AddressMask.ANY),
                Arguments.of("permit 3com.example 0.0.0.0", new NamePattern.Host("3com.example"), AddressMask.ANY),
                Arguments.of("permit .inside.example.com 0.0.0.0 ALL 0.0.0.0",
                        new NamePattern.Zone(".inside.example.com"), new NamePattern.All()),
                Arguments.of("permit ALL 0.0.0.0", new NamePattern.All(), AddressMask.ANY),
                Arguments.of("permit 10.0.0.0 255.0.0.0 www.example.com 0.0.0.0 eq 80", NET10,
                        new NamePattern.Host("www.example.com")),
                Arguments.of("permit 10.0.0.0 255.0.0.0 .example.com 255.255.255.255", NET10,
                        new NamePattern.Zone(".example.com")),
                Arguments.of("deny ALL 0.0.0.0 10.0.0.0 255.0.0.0", new NamePattern.All(), NET10));
    }

    @ParameterizedTest
    @MethodSource("addressForms")
    void readsNamePatternsAndIgnoresTheirMasks(String line, AddressPattern source, AddressPattern destination) {
        Rule rule = parsed(line).rules().get(0);
        assertThat(rule.source()).isEqualTo(source);
        assertThat(rule.destination()).isEqualTo(destination);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "permit 0.0.0.0 0.0.0.0 | false",
        "permit ALL 0.0.0.0 .example.com 0.0.0.0 | false",
        "permit 0.0.0.0 0.0.0.0 www.example.com 0.0.0.0 | false",
        "permit 0.0.0.0 0.0.0.0; deny host.example.com 0.0.0.0 | true",
        "deny .example.com 0.0.0.0 | true"})
    void clientNamesAreNeededOnlyForSourceNamePatterns(String lines, boolean uses) {
        assertThat(parsed(lines.replace("; ", "\n")).usesSourceNames()).isEqualTo(uses);
    }

    private static RuleSet parsed(String text) {
        LoadResult<RuleSet> result = PARSER.parse("sockd.conf", text);
        assertThat(result).isInstanceOf(LoadResult.Valid.class);
        return ((LoadResult.Valid<RuleSet>) result).content();
    }
}
