package org.sockd.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.access.internal.Requests.connect;
import static org.sockd.access.internal.Requests.named;
import static org.sockd.access.internal.RuleEngineTest.lineOf;
import static org.sockd.access.internal.RuleEngineTest.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.IdentMode;

/** The SOCKS 4.3 name patterns in decisions: sources by confirmed names, destinations by the name sent. */
class NameRuleTest {

    private final RuleEngine engine = new RuleEngine(IdentMode.OFF);

    @ParameterizedTest(name = "{0} vs client named [{1}]: {2}")
    @CsvSource({
        "host.example.com, host.example.com, 1",
        "host.example.com, HOST.Example.Com, 1",
        "host.example.com, 'other.example.org;host.example.com', 1",
        "host.example.com, a.host.example.com, 0",
        "host.example.com, '', 0",
        ".example.com, example.com, 1",
        ".example.com, a.b.example.com, 1",
        ".example.com, A.EXAMPLE.COM, 1",
        ".example.com, badexample.com, 0",
        ".example.com, example.com.org, 0",
        ".example.com, '', 0",
        "ALL, '', 1",
        "ALL, host.example.org, 1"})
    void aSourceNamePatternIsMatchedAgainstTheClientsConfirmedNames(String pattern, String names, int line) {
        ConnectRequest request = connect("10.0.0.1", "192.0.2.1", 80).withClientNames(list(names));
        assertThat(lineOf(engine.decide(rules("permit " + pattern + " 0.0.0.0"), request))).isEqualTo(line);
    }

    @ParameterizedTest(name = "{0} vs destination {1}: {2}")
    @CsvSource({
        "www.example.com, www.example.com, 1",
        "www.example.com, WWW.Example.COM, 1",
        "www.example.com, www.example.com., 1",
        "www.example.com, ftp.example.com, 0",
        "www.example.com, 192.0.2.1, 0",
        ".example.com, example.com, 1",
        ".example.com, a.b.example.com, 1",
        ".example.com, a.b.example.com., 1",
        ".example.com, badexample.com, 0",
        ".example.com, 192.0.2.1, 0",
        "ALL, www.example.org, 1",
        "ALL, 192.0.2.1, 1",
        "ALL, ::1, 1"})
    void aDestinationNamePatternIsMatchedAgainstTheNameTheClientSent(String pattern, String destination, int line) {
        // A name resolves to an address no numeric rule could confuse with anything.
        ConnectRequest request = Character.isDigit(destination.charAt(0)) || destination.contains(":")
                ? connect("10.0.0.1", destination, 80)
                : named("10.0.0.1", destination, 80, "198.51.100.7");
        assertThat(lineOf(engine.decide(rules("permit 0.0.0.0 0.0.0.0 " + pattern + " 0.0.0.0"), request)))
                .isEqualTo(line);
    }

    @Test
    void theClientsNamesAreNotTheDestinationsAndTheOtherWayRound() {
        RuleSet rules = rules("""
                permit 0.0.0.0 0.0.0.0 host.example.com 0.0.0.0
                permit host.example.com 0.0.0.0 ALL 0.0.0.0 eq 1
                """);
        ConnectRequest clientNamed = connect("10.0.0.1", "192.0.2.1", 80).withClientNames(List.of("host.example.com"));
        assertThat(lineOf(engine.decide(rules, clientNamed))).isEqualTo(0);
        assertThat(lineOf(engine.decide(rules, named("10.0.0.1", "host.example.com", 1, "192.0.2.1")))).isEqualTo(1);
        assertThat(lineOf(engine.decide(rules, named("10.0.0.1", "www.example.com", 1, "192.0.2.1")))).isEqualTo(0);
    }

    private static List<String> list(String names) {
        return names.isEmpty() ? List.of() : List.of(names.split(";"));
    }
}
