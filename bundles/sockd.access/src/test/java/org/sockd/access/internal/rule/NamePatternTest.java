package org.sockd.access.internal.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NamePatternTest {

    private static final int[] ADDRESS = {0x0A000001};
    private static final NamePattern HOST = new NamePattern.Host("host.example.com");
    private static final NamePattern ZONE = new NamePattern.Zone(".example.com");
    private static final NamePattern ALL = new NamePattern.All();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(HOST, List.of("host.example.com"), true),
                Arguments.of(HOST, List.of("HOST.Example.COM"), true),
                Arguments.of(HOST, List.of("other.example.com", "host.example.com"), true),
                Arguments.of(HOST, List.of("a.host.example.com"), false),
                Arguments.of(HOST, List.of("host.example"), false),
                Arguments.of(HOST, List.of(), false),
                Arguments.of(ZONE, List.of("example.com"), true),
                Arguments.of(ZONE, List.of("EXAMPLE.com"), true),
                Arguments.of(ZONE, List.of("a.example.com"), true),
                Arguments.of(ZONE, List.of("a.b.Example.Com"), true),
                Arguments.of(ZONE, List.of("badexample.com"), false),
                Arguments.of(ZONE, List.of("example.com.evil"), false),
                Arguments.of(ZONE, List.of("com"), false),
                Arguments.of(ZONE, List.of("xample.com"), false),
                Arguments.of(ZONE, List.of("other.org", "a.example.com"), true),
                Arguments.of(ZONE, List.of(), false),
                Arguments.of(ALL, List.of(), true),
                Arguments.of(ALL, List.of("anything.example.org"), true));
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @MethodSource("cases")
    void comparesTheNamesOfTheHostInAnyCase(NamePattern pattern, List<String> names, boolean matches) {
        assertThat(pattern.matches(ADDRESS, new long[0], names)).isEqualTo(matches);
    }
}
