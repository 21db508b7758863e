package org.sockd.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.access.internal.Requests.request;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.api.Command;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;

/** The rows of spec section 10 that need no identd, against the 4.2 test script's own file. */
class WorkedExampleTest {

    private static final RuleSet RULES = RuleEngineTest.rules("""
            deny   *=bonnie,clyde 128.12.6.0 255.255.255.0 : mail -s 'Rejected SOCKS access by %u' admin
            permit *=ylee 128.12.6.4 255.255.255.255 137.12.0.0 255.255.0.0
            deny   128.12.0.0 255.255.0.0 eq telnet
            permit 128.12.0.0 255.255.0.0
            #NO_IDENTD: mail -s 'please run identd on %A' admin
            #BAD_ID: mail -s '%U pretends to be %u on %A' admin
            """);

    @ParameterizedTest(name = "{1} from {2} to {3}:{4} -> line {5} {6}")
    @CsvSource({
        "CONNECT, clyde, 128.12.6.34, 112.3.24.1, 21, 1, deny",
        "CONNECT, ylee, 128.12.6.4, 137.12.4.15, 23, 2, permit",
        "CONNECT, jane, 128.12.2.13, 137.12.4.15, 23, 3, deny",
        "CONNECT, jim, 128.12.6.4, 126.87.13.2, 23, 3, deny",
        "CONNECT, ylee, 128.12.6.4, 126.87.13.2, 21, 4, permit",
        "CONNECT, sam, 128.12.36.7, 10.53.23.1, 70, 4, permit",
        "CONNECT, don, 23.2.6.127, 10.53.23.1, 70, 0, deny",
        "CONNECT, clyde, 128.12.1.62, 112.3.24.1, 21, 4, permit",
        "BIND, clyde, 128.12.6.34, 112.3.24.1, 21, 1, deny"})
    void decidesAsTheClassicDaemon(Command command, String user, String client, String destination, int port,
            int line, String verdict) {
        Decision decision = new RuleEngine(IdentMode.OFF)
                .decide(RULES, request(command, user, client, destination, port));
        assertThat(decision).isInstanceOf(verdict.equals("permit") ? Decision.Allow.class : Decision.Deny.class);
        assertThat(RuleEngineTest.lineOf(decision)).isEqualTo(line);
    }
}
