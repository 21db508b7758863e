package org.sockd.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.access.internal.Requests.connect;
import static org.sockd.access.internal.Requests.named;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;

class SockdConfPolicyTest {

    private static final Decision REFUSED = new Decision.Deny("no rule matched", null);

    @TempDir
    Path dir;

    @Test
    void aValidFileDecidesAndIsNamedInTheMatchedRule() throws Exception {
        Path file = write("deny 0.0.0.0 0.0.0.0 eq telnet\npermit 0.0.0.0 0.0.0.0\n");
        SockdConfPolicy policy = policy(file, "OFF");
        MatchedRule deny = new MatchedRule(file.toString(), 1, "deny 0.0.0.0 0.0.0.0 eq telnet");
        MatchedRule permit = new MatchedRule(file.toString(), 2, "permit 0.0.0.0 0.0.0.0");
        assertThat(policy.decide(connect("10.0.0.1", "192.0.2.1", 23))).isEqualTo(new Decision.Deny("rule", deny));
        assertThat(policy.decide(connect("10.0.0.1", "192.0.2.1", 24)))
                .isEqualTo(new Decision.Allow(permit, IdentMode.OFF));
    }

    @Test
    void theDumpShowsTheRulesInForceWithTheirLineNumbers() throws Exception {
        Path file = write("# comment\ndeny 0.0.0.0 0.0.0.0 eq telnet\n\npermit *=alice 10.0.0.0 255.0.0.0 : echo %u\n");
        SockdConfPolicy policy = policy(file, "OFF");
        assertThat(policy.title()).isEqualTo("rules from " + file + " (2 rules; no match is deny)");
        assertThat(policy.dump()).containsExactly(
                "2: deny 0.0.0.0 0.0.0.0 0.0.0.0 0.0.0.0 eq 23",
                "4: permit *=alice 10.0.0.0 255.0.0.0 0.0.0.0 0.0.0.0 : echo %u");
    }

    @Test
    void aChangedConfigurationTakesOverInPlace() throws Exception {
        Path deny = write("deny 0.0.0.0 0.0.0.0\n");
        Path permit = Files.writeString(dir.resolve("permit.conf"), "permit 0.0.0.0 0.0.0.0\n");
        SockdConfPolicy policy = policy(deny, "OFF");
        assertThat(policy.decide(connect("10.0.0.1", "192.0.2.1", 80))).isInstanceOf(Decision.Deny.class);

        policy.modified(new TestPolicyConfig(permit, "lenient"));

        assertThat(policy.decide(connect("10.0.0.1", "192.0.2.1", 80))).isEqualTo(
                new Decision.Allow(new MatchedRule(permit.toString(), 1, "permit 0.0.0.0 0.0.0.0"), IdentMode.LENIENT));
        assertThat(policy.title()).startsWith("rules from " + permit);
    }

    @Test
    void theGlobalIdentModeIsReadInAnyCase() throws Exception {
        SockdConfPolicy policy = policy(write("permit 0.0.0.0 0.0.0.0\n"), "lenient");
        Decision decision = policy.decide(connect("10.0.0.1", "192.0.2.1", 80));
        assertThat(decision).isInstanceOfSatisfying(Decision.Allow.class,
                allow -> assertThat(allow.identMode()).isEqualTo(IdentMode.LENIENT));
    }

    @Test
    void aMissingFileRefusesEverything() {
        assertThat(policy(dir.resolve("absent.conf"), "OFF").decide(connect("127.0.0.1", "192.0.2.1", 80)))
                .isEqualTo(REFUSED);
    }

    @Test
    void anUnreadableFileRefusesEverything() {
        assertThat(policy(dir, "OFF").decide(connect("127.0.0.1", "192.0.2.1", 80))).isEqualTo(REFUSED);
    }

    @Test
    void oneBadLineRefusesTheWholeFile() throws Exception {
        Path file = write("permit 0.0.0.0 0.0.0.0\npermit 10.0.0.0 255.0.0.0 eq nosuchservice\n");
        assertThat(policy(file, "OFF").decide(connect("127.0.0.1", "192.0.2.1", 80))).isEqualTo(REFUSED);
    }

    @Test
    void anUnknownIdentModeRefusesEverything() throws Exception {
        Path file = write("permit 0.0.0.0 0.0.0.0\n");
        assertThat(policy(file, "SOMETIMES").decide(connect("127.0.0.1", "192.0.2.1", 80))).isEqualTo(REFUSED);
    }

    @Test
    void theProposedDefaultFileLetsOnlyLoopbackClientsThrough() throws Exception {
        Path file = Path.of(getClass().getResource("/default-sockd.conf").toURI());
        SockdConfPolicy policy = policy(file, "OFF");
        assertThat(policy.decide(connect("127.0.0.1", "192.0.2.1", 80))).isInstanceOf(Decision.Allow.class);
        assertThat(policy.decide(connect("127.0.0.1", "10.0.0.1", 25))).isInstanceOf(Decision.Allow.class);
        assertThat(policy.decide(named("127.0.0.1", "www.example.com", 443, "203.0.113.5")))
                .isInstanceOf(Decision.Allow.class);
        assertThat(policy.decide(connect("10.0.0.1", "192.0.2.1", 80))).isInstanceOfSatisfying(Decision.Deny.class,
                deny -> assertThat(deny.rule().text()).isEqualTo("deny 0.0.0.0 0.0.0.0"));
    }

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("sockd.conf"), text);
    }

    private static SockdConfPolicy policy(Path file, String identMode) {
        return new SockdConfPolicy(new TestPolicyConfig(file, identMode));
    }
}
