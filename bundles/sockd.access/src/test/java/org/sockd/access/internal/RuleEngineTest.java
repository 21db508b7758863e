package org.sockd.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.access.internal.Requests.connect;
import static org.sockd.access.internal.Requests.named;
import static org.sockd.access.internal.Requests.request;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockd.access.internal.parse.ConfParser;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.SocksVersion;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentActions;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.LoadResult;

class RuleEngineTest {

    private static final ConfParser PARSER = new ConfParser(Services.parse(List.of("ftp 21/tcp", "telnet 23/tcp")));
    private static final Decision NO_MATCH = new Decision.Deny("no rule matched", null);
    private final RuleEngine engine = new RuleEngine(IdentMode.OFF);

    @Test
    void aDenyRuleRefusesAndNamesItselfWithItsCommand() {
        RuleSet rules = rules("# first\n  deny 10.0.0.0 255.0.0.0 : mail root  \n");
        assertThat(engine.decide(rules, connect("10.1.2.3", "192.0.2.1", 80))).isEqualTo(new Decision.Deny("rule",
                new MatchedRule("sockd.conf", 2, "deny 10.0.0.0 255.0.0.0 : mail root", "mail root")));
    }

    @Test
    void noMatchingRuleIsTheImpliedDeny() {
        assertThat(engine.decide(rules(""), connect("10.1.2.3", "192.0.2.1", 80))).isEqualTo(NO_MATCH);
        assertThat(engine.decide(rules("permit 10.0.0.0 255.0.0.0"), connect("11.1.2.3", "192.0.2.1", 80)))
                .isEqualTo(NO_MATCH);
    }

    @Test
    void anAuthenticatedNameIsTheUserTheRulesSeeNotTheClaimedOne() {
        RuleSet rules = rules("permit *=alice 0.0.0.0 0.0.0.0");
        ConnectRequest claimed = request(Command.CONNECT, "alice", "10.0.0.1", "192.0.2.1", 80);
        ConnectRequest proven = new ConnectRequest(claimed.client(), SocksVersion.SOCKS5, Command.CONNECT,
                claimed.destination(), claimed.resolved(), "", "alice");
        ConnectRequest provenOther = new ConnectRequest(claimed.client(), SocksVersion.SOCKS5, Command.CONNECT,
                claimed.destination(), claimed.resolved(), "alice", "bob");
        assertThat(engine.decide(rules, proven)).isInstanceOf(Decision.Allow.class);
        assertThat(engine.decide(rules, provenOther)).isEqualTo(NO_MATCH);
    }

    @Test
    void theFirstMatchingRuleWins() {
        RuleSet rules = rules("permit 10.0.0.0 255.0.0.0\ndeny 10.0.0.0 255.0.0.0\n");
        assertThat(engine.decide(rules, connect("10.1.2.3", "192.0.2.1", 80))).isInstanceOf(Decision.Allow.class);
    }

    @Test
    void nineFieldsOnOneLineKeepThePortTest() {
        RuleSet rules = rules("permit ?=n *=joe 10.0.0.0 255.0.0.0 0.0.0.0 0.0.0.0 eq 23");
        assertThat(engine.decide(rules, request(Command.CONNECT, "joe", "10.0.0.1", "192.0.2.1", 23)))
                .isInstanceOf(Decision.Allow.class);
        assertThat(engine.decide(rules, request(Command.CONNECT, "joe", "10.0.0.1", "192.0.2.1", 24)))
                .isEqualTo(NO_MATCH);
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource({
        "10.77.3.5, 192.168.9.1, 1", "10.77.3.6, 192.168.9.1, 2", "10.77.3.6, 192.168.9.2, 0"})
    void nonContiguousMasksCompareOnlyTheirBits(String client, String destination, int line) {
        RuleSet rules = rules("permit 10.0.0.5 255.0.0.255\npermit 0.0.0.0 0.0.0.0 192.0.0.1 255.0.0.255\n");
        assertThat(lineOf(engine.decide(rules, connect(client, destination, 80)))).isEqualTo(line);
    }

    @ParameterizedTest(name = "rule {0}, global {1}: {2}")
    @CsvSource({
        "'permit', OFF, OFF", "'permit', LENIENT, LENIENT", "'permit', STRICT, STRICT",
        "'permit ?=I', OFF, STRICT", "'permit ?=i', STRICT, LENIENT",
        "'permit ?=n', STRICT, OFF", "'permit ?=', LENIENT, OFF"})
    void theIdentFieldOverridesTheGlobalMode(String action, IdentMode global, IdentMode expected) {
        Decision decision = new RuleEngine(global).decide(rules(action + " 0.0.0.0 0.0.0.0"),
                connect("10.0.0.1", "192.0.2.1", 80));
        assertThat(decision).isInstanceOfSatisfying(Decision.Allow.class,
                allow -> assertThat(allow.identMode()).isEqualTo(expected));
    }

    @Test
    void anIpv4MappedClientMatchesItsIpv4Rules() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        InetAddress client = Inet6Address.getByAddress(null, mapped, -1);
        RuleSet rules = rules("permit 10.0.0.0 255.0.0.0");
        assertThat(engine.decide(rules, request(Command.CONNECT, "", client, Requests.ip("192.0.2.1"), 80)))
                .isInstanceOf(Decision.Allow.class);
    }

    @Test
    void otherIpv6AddressesMatchOnlyRulesWithMaskZero() {
        RuleSet rules = rules("""
                deny 0.0.0.0 255.0.0.0
                permit 0.0.0.0 0.0.0.0 0.0.0.0 255.0.0.0
                permit 0.0.0.0 0.0.0.0
                """);
        assertThat(lineOf(engine.decide(rules, connect("::1", "2001:db8::1", 80)))).isEqualTo(3);
        assertThat(lineOf(engine.decide(rules, connect("::1", "0.1.2.3", 80)))).isEqualTo(2);
    }

    /** The loopback host in every IPv6 spelling, and one 6to4 address of 127.0.0.0/8 besides. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "::1", "::127.0.0.1", "::ffff:127.0.0.1", "64:ff9b::7f00:1",
        "64:ff9b:1::7f00:1", "2002:7f00:1::", "2002:7f01:203::1"})
    void anIpv6SpellingCannotGoAroundAnIpv4Rule(String loopback) {
        RuleSet destinations = rules("deny 0.0.0.0 0.0.0.0 127.0.0.0 255.0.0.0\npermit 0.0.0.0 0.0.0.0\n");
        assertThat(lineOf(engine.decide(destinations, connect("192.0.2.1", loopback, 80)))).isEqualTo(1);
        assertThat(lineOf(engine.decide(destinations, named("192.0.2.1", "rebind.test", 80, loopback))))
                .isEqualTo(1);
    }

    /** A client is that host only as a mapped peer of a dual-stack socket or as ::1. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "::1", "::ffff:127.0.0.1"})
    void aClientIsTheIpv4HostWhenItsAddressIsThatHost(String loopback) {
        RuleSet clients = rules("deny 127.0.0.0 255.0.0.0\npermit 0.0.0.0 0.0.0.0\n");
        assertThat(lineOf(engine.decide(clients, connect(loopback, "192.0.2.1", 80)))).isEqualTo(1);
    }

    /**
     * A NAT64, 6to4 or IPv4-compatible source names another host, whose address a neighbour can
     * take: the shipped rules (permit 127/8, deny the rest) must not let it in as 127.0.0.1.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"::127.0.0.1", "64:ff9b::7f00:1", "64:ff9b:1::7f00:1", "2002:7f00:1::"})
    void aClientWhoseIpv6AddressEmbedsAnIpv4HostIsNotThatHost(String client) {
        RuleSet shipped = rules("permit 127.0.0.0 255.0.0.0\ndeny 0.0.0.0 0.0.0.0\n");
        assertThat(lineOf(engine.decide(shipped, connect(client, "192.0.2.1", 80)))).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} to {1}: line {2}")
    @CsvSource({
        "2001:db8::7, 192.0.2.1, 1",
        "2001:db8:ffff::1, 2001:db8::1, 1",
        "2001:db9::1, 2001:db8::1, 2",
        "2001:db9::1, 2001:db8:1::1, 3",
        "2001:db9::1, 192.0.2.1, 4",
        "10.0.0.1, 2001:db8::1, 2",
        "10.0.0.1, 2001:db9::1, 5",
        "10.0.0.1, 192.0.2.1, 4",
    })
    void anIpv6PrefixMatchesItsNetworkAndAnIpv4HostAsItsMappedForm(String client, String destination, int line) {
        RuleSet rules = rules("""
                permit 2001:db8::/32
                deny 0.0.0.0 0.0.0.0 2001:db8::/48
                permit ::/0 2001:db8::/32
                permit 0.0.0.0 0.0.0.0 ::ffff:0:0/96
                permit ::ffff:0:0/96 ::/0
                """);
        assertThat(lineOf(engine.decide(rules, connect(client, destination, 80)))).isEqualTo(line);
    }

    @ParameterizedTest(name = "resolved to [{0}]: line {1}")
    @CsvSource({"'198.51.100.7,192.0.2.9', 1", "'198.51.100.7', 2", "'', 0"})
    void aNamedDestinationMatchesWhenAnyResolvedAddressDoes(String resolved, int line) {
        RuleSet rules = rules("""
                deny 0.0.0.0 0.0.0.0 192.0.2.0 255.255.255.0
                permit 0.0.0.0 0.0.0.0 198.51.100.0 255.255.255.0
                """);
        String[] addresses = resolved.isEmpty() ? new String[0] : resolved.split(",");
        assertThat(lineOf(engine.decide(rules, named("10.0.0.1", "www.example.com", 80, addresses)))).isEqualTo(line);
    }

    @Test
    void aNameThatResolvedToNothingMatchesOnlyAnyDestination() {
        RuleSet rules = rules("permit 10.0.0.0 255.0.0.0 0.0.0.0 0.0.0.0 eq 80");
        assertThat(lineOf(engine.decide(rules, named("10.0.0.1", "nowhere.example", 80)))).isEqualTo(1);
    }

    @Test
    void aPermitCarriesItsCommandAndTheSpecialCommandsOfTheFile() {
        RuleSet rules = rules("""
                #NO_IDENTD: mail -s 'run identd on %A' admin
                permit 10.0.0.0 255.0.0.0 eq 80 : echo %u >> /var/log/web
                permit 10.0.0.0 255.0.0.0
                #BAD_ID: mail -s '%U is not %u' admin
                """);
        IdentActions actions = new IdentActions("mail -s 'run identd on %A' admin", "mail -s '%U is not %u' admin");
        assertThat(engine.decide(rules, connect("10.0.0.1", "192.0.2.1", 80))).isEqualTo(new Decision.Allow(
                new MatchedRule("sockd.conf", 2, "permit 10.0.0.0 255.0.0.0 eq 80 : echo %u >> /var/log/web",
                        "echo %u >> /var/log/web"), IdentMode.OFF, actions));
        assertThat(engine.decide(rules, connect("10.0.0.1", "192.0.2.1", 81))).isEqualTo(new Decision.Allow(
                new MatchedRule("sockd.conf", 3, "permit 10.0.0.0 255.0.0.0", null), IdentMode.OFF, actions));
    }

    @Test
    void withoutSpecialLinesAPermitHasNoIdentActions() {
        assertThat(engine.decide(rules("permit 10.0.0.0 255.0.0.0"), connect("10.0.0.1", "192.0.2.1", 80)))
                .isInstanceOfSatisfying(Decision.Allow.class,
                        allow -> assertThat(allow.onIdentFailure()).isEqualTo(IdentActions.NONE));
    }

    @ParameterizedTest(name = "*={0}")
    @CsvSource({"'%s,joe'", "'joe,%s'"})
    void aRuleWithAnUnreadableUserFileNeverMatches(String list, @TempDir Path dir) {
        Path missing = dir.resolve("socks.users");
        RuleSet rules = rules("permit *=" + list.formatted(missing) + " 0.0.0.0 0.0.0.0\n");
        assertThat(lineOf(engine.decide(rules, request(Command.CONNECT, "joe", "10.0.0.1", "192.0.2.1", 80))))
                .isEqualTo(0);
    }

    /** Classic behaviour, kept as specified: for a deny rule "fails closed" means it refuses no one. */
    @Test
    void aDenyRuleWithAnUnreadableUserFileDeniesNoOne(@TempDir Path dir) {
        RuleSet rules = rules("deny *=mallory," + dir.resolve("missing") + " 0.0.0.0 0.0.0.0\npermit 0.0.0.0 0.0.0.0\n");
        assertThat(lineOf(engine.decide(rules, request(Command.CONNECT, "mallory", "10.0.0.1", "192.0.2.1", 80))))
                .isEqualTo(2);
    }

    /** @return the line that decided, or 0 for the implied deny */
    static int lineOf(Decision decision) {
        MatchedRule rule = switch (decision) {
            case Decision.Allow allow -> allow.rule();
            case Decision.Deny deny -> deny.rule();
        };
        return rule == null ? 0 : rule.line();
    }

    static RuleSet rules(String text) {
        LoadResult<RuleSet> result = PARSER.parse("sockd.conf", text);
        assertThat(result).isInstanceOf(LoadResult.Valid.class);
        return ((LoadResult.Valid<RuleSet>) result).content();
    }
}
