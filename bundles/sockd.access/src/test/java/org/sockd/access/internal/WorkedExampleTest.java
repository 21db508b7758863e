package org.sockd.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.access.internal.Requests.connect;
import static org.sockd.access.internal.Requests.request;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentActions;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;

/** Worked examples of whole sockd.conf files that need no identd. */
class WorkedExampleTest {

    /** The 4.2 test script's own file. */
    private static final RuleSet RULES = RuleEngineTest.rules("""
            deny   *=bonnie,clyde 128.12.6.0 255.255.255.0 : mail -s 'Rejected SOCKS access by %u' admin
            permit *=ylee 128.12.6.4 255.255.255.255 137.12.0.0 255.255.0.0
            deny   128.12.0.0 255.255.0.0 eq telnet
            permit 128.12.0.0 255.255.0.0
            #NO_IDENTD: mail -s 'please run identd on %A' admin
            #BAD_ID: mail -s '%U pretends to be %u on %A' admin
            """);
    private static final String MAIL = "mail -s 'Rejected SOCKS access by %u' admin";
    private static final IdentActions ACTIONS =
            new IdentActions("mail -s 'please run identd on %A' admin", "mail -s '%U pretends to be %u on %A' admin");

    private final RuleEngine engine = new RuleEngine(IdentMode.OFF);

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
        Decision decision = engine.decide(RULES, request(command, user, client, destination, port));
        assertThat(decision).isInstanceOf(verdict.equals("permit") ? Decision.Allow.class : Decision.Deny.class);
        assertThat(RuleEngineTest.lineOf(decision)).isEqualTo(line);
    }

    @Test
    void clydeIsRefusedByLineOneWhichMailsTheAdministrator() {
        assertThat(engine.decide(RULES, request(Command.CONNECT, "clyde", "128.12.6.34", "112.3.24.1", 21)))
                .isEqualTo(new Decision.Deny("rule", new MatchedRule("sockd.conf", 1,
                        "deny   *=bonnie,clyde 128.12.6.0 255.255.255.0 : " + MAIL, MAIL)));
    }

    @Test
    void aPermitCarriesTheFilesIdentCommandsForTheCore() {
        assertThat(engine.decide(RULES, request(Command.CONNECT, "ylee", "128.12.6.4", "126.87.13.2", 21)))
                .isEqualTo(new Decision.Allow(new MatchedRule("sockd.conf", 4, "permit 128.12.0.0 255.255.0.0"),
                        IdentMode.OFF, ACTIONS));
    }

    @ParameterizedTest(name = "port {0}: line {1}")
    @CsvSource({"0, 1", "1023, 1", "1024, 0", "65535, 0"})
    void anOperatorAfterTheSourceMeansAnyDestination(int port, int line) {
        RuleSet rules = RuleEngineTest.rules("permit 10.0.0.0 255.0.0.0 lt 1024");
        assertThat(RuleEngineTest.lineOf(engine.decide(rules, connect("10.9.9.9", "203.0.113.1", port))))
                .isEqualTo(line);
    }

    @ParameterizedTest(name = "{0} from {1} to port {2}: line {3}")
    @CsvSource({
        "alice, 10.1.2.3, 1024, 1", "bob, 10.1.200.1, 65535, 1", "alice, 10.1.2.3, 1023, 0",
        "mallory, 10.1.2.3, 1024, 0", "Alice, 10.1.2.3, 1024, 0", "alice, 10.2.0.1, 1024, 0"})
    void aUserFileListsWhoMayUseALine(String user, String client, int port, int line, @TempDir Path dir)
            throws Exception {
        Path users = Files.writeString(dir.resolve("socks.users"), "# who may\nalice, bob\n");
        RuleSet rules = RuleEngineTest.rules(
                "permit ?=I *=" + users + " 10.1.0.0 255.255.0.0 0.0.0.0 0.0.0.0 ge 1024\n");
        Decision decision = engine.decide(rules, request(Command.CONNECT, user, client, "198.51.100.1", port));
        assertThat(RuleEngineTest.lineOf(decision)).isEqualTo(line);
        if (line == 1) {
            assertThat(((Decision.Allow) decision).identMode()).isEqualTo(IdentMode.STRICT);
        }
    }

    @Test
    void aLineWhoseUserFileIsUnreadableNeverMatches(@TempDir Path dir) {
        RuleSet rules = RuleEngineTest.rules(
                "permit ?=I *=" + dir.resolve("socks.users") + " 10.1.0.0 255.255.0.0 0.0.0.0 0.0.0.0 ge 1024\n");
        assertThat(engine.decide(rules, request(Command.CONNECT, "alice", "10.1.2.3", "198.51.100.1", 1024)))
                .isEqualTo(new Decision.Deny("no rule matched", null));
    }

    @Test
    void anExplicitCatchAllRecordsRefusals() {
        String command = "finger @%A | mail -s 'SOCKS refused %u@%A to %Z (%S)' root";
        RuleSet rules = RuleEngineTest.rules("permit 10.0.0.0 255.0.0.0\ndeny 0.0.0.0 0.0.0.0 : " + command + "\n");
        assertThat(engine.decide(rules, connect("192.0.2.1", "198.51.100.1", 80))).isEqualTo(new Decision.Deny("rule",
                new MatchedRule("sockd.conf", 2, "deny 0.0.0.0 0.0.0.0 : " + command, command)));
    }

    @ParameterizedTest(name = "client named [{0}]: line {1}")
    @CsvSource({
        "pc1.inside.example.com, 1", "'mail.example.com;pc2.Inside.Example.com', 1", "inside.example.com, 1",
        "pc1.outside.example.com, 0", "pc1.notinside.example.com, 0", "'', 0"})
    void aZoneLetsItsConfirmedClientsGoAnywhere(String names, int line) {
        RuleSet rules = RuleEngineTest.rules("permit .inside.example.com 0.0.0.0 ALL 0.0.0.0");
        List<String> clientNames = names.isEmpty() ? List.of() : List.of(names.split(";"));
        ConnectRequest request = connect("10.0.0.1", "203.0.113.9", 443).withClientNames(clientNames);
        assertThat(RuleEngineTest.lineOf(engine.decide(rules, request))).isEqualTo(line);
    }
}
