package org.sockd.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.upstream.internal.Requests.connect;
import static org.sockd.upstream.internal.Requests.loggedIn;
import static org.sockd.upstream.internal.Requests.named;
import static org.sockd.upstream.internal.Requests.request;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.TryOutcome;
import org.sockd.api.upstream.Upstream;

/** Choosing the next hop: first match wins, no match denies, loopback goes direct, the try-list order. */
class SelectionTest {

    private final List<String> log = new ArrayList<>();

    @TempDir
    Path dir;

    @Test
    void loopbackGoesDirectBeforeAnyLine() {
        SocksTable table = Confs.table("deny 0.0.0.0 0.0.0.0\n");
        assertThat(select(table, connect("127.0.0.1", 80))).isEqualTo(new NextHop.Direct(null));
        assertThat(select(table, connect("::1", 80))).isEqualTo(new NextHop.Direct(null));
        assertThat(select(table, named("localhost", 80, "127.0.0.1"))).isEqualTo(new NextHop.Direct(null));
        assertThat(select(table, connect("127.0.0.2", 80))).isInstanceOf(NextHop.Deny.class);
    }

    @Test
    void theFirstMatchingLineDecidesAndNoMatchDenies() {
        SocksTable table = Confs.table("""
                deny 10.0.0.0 255.0.0.0 eq 25 : echo %u %Z
                direct 10.0.0.0 255.0.0.0
                sockd @=fw1,fw2 192.168.0.0 255.255.0.0
                """);
        assertThat(select(table, connect("10.1.1.1", 25))).isEqualTo(new NextHop.Deny("refused by socks.conf line 1",
                new MatchedRule("socks.conf", 1, "deny 10.0.0.0 255.0.0.0 eq 25 : echo %u %Z", "echo %u %Z")));
        assertThat(select(table, connect("10.1.1.1", 80)))
                .isEqualTo(new NextHop.Direct(new MatchedRule("socks.conf", 2, "direct 10.0.0.0 255.0.0.0")));
        assertThat(servers(select(table, connect("192.168.1.1", 80)))).containsExactly("fw1", "fw2");
        assertThat(select(table, connect("172.16.0.1", 80)))
                .isEqualTo(new NextHop.Deny("no line of socks.conf matches", null));
    }

    @Test
    void everyKindOfLineCarriesItsCommand() {
        SocksTable table = Confs.table("direct 10.0.0.0 255.0.0.0 : echo %Z\n");
        assertThat(select(table, connect("10.1.1.1", 80))).isEqualTo(new NextHop.Direct(
                new MatchedRule("socks.conf", 1, "direct 10.0.0.0 255.0.0.0 : echo %Z", "echo %Z")));
    }

    @Test
    void aRouteTestsTheClientAddressAndBothPorts() {
        SocksTable table = Confs.table("""
                route { from: 10.1.0.0/16 port >= 40000 to: 0/0 port 1000 - 2000 via: direct }
                deny 0.0.0.0 0.0.0.0
                """);
        assertThat(select(table, connect("192.0.2.1", 1000))).isInstanceOf(NextHop.Direct.class);
        assertThat(select(table, connect("192.0.2.1", 2000))).isInstanceOf(NextHop.Direct.class);
        assertThat(select(table, connect("192.0.2.1", 2001))).isInstanceOf(NextHop.Deny.class);
        assertThat(select(table, request(Command.CONNECT, "", "10.2.0.1", "192.0.2.1", 1500)))
                .isInstanceOf(NextHop.Deny.class);
    }

    @Test
    void aTryNamesItsLineAndTheLimits() {
        NextHop hop = select(Confs.table("sockd @=fw 0.0.0.0 0.0.0.0 : log %Z\n"), connect("10.1.1.1", 80));
        assertThat(hop).isInstanceOfSatisfying(NextHop.Try.class, path -> {
            assertThat(path.rule()).isEqualTo(new MatchedRule("socks.conf", 1, "sockd @=fw 0.0.0.0 0.0.0.0 : log %Z",
                    "log %Z"));
            assertThat(path.limits()).isEqualTo(Confs.LIMITS);
        });
    }

    @Test
    void namePatternsMatchTheNameTheClientGaveAndMask0MatchesEvenUnresolvedNames() {
        SocksTable table = Confs.table("""
                sockd @=far .test 0.0.0.0
                direct 10.0.0.0 255.0.0.0
                sockd @=catch 0.0.0.0 0.0.0.0
                """);
        assertThat(servers(select(table, named("far.test.", 80)))).containsExactly("far");
        assertThat(servers(select(table, named("TEST", 80)))).containsExactly("far");
        assertThat(servers(select(table, named("nottest", 80)))).containsExactly("catch");
        assertThat(select(table, named("inside.example", 80, "10.2.3.4"))).isInstanceOf(NextHop.Direct.class);
        assertThat(servers(select(table, named("inside.example", 80)))).containsExactly("catch");
        assertThat(servers(select(table, connect("fd00::1", 80)))).containsExactly("catch");
    }

    @Test
    void anIpv6LineComparesIpv6AddressesOnly() {
        SocksTable table = Confs.table("direct fd00:: ffff::\ndeny 0.0.0.0 0.0.0.0\n");
        assertThat(select(table, connect("fd00::5", 80))).isInstanceOf(NextHop.Direct.class);
        assertThat(select(table, connect("10.0.0.1", 80))).isInstanceOf(NextHop.Deny.class);
    }

    @Test
    void portOperatorsCompareTheDestinationPort() {
        SocksTable table = Confs.table("direct 0.0.0.0 0.0.0.0 lt 1024\ndeny 0.0.0.0 0.0.0.0\n");
        assertThat(select(table, connect("10.0.0.1", 1023))).isInstanceOf(NextHop.Direct.class);
        assertThat(select(table, connect("10.0.0.1", 1024))).isInstanceOf(NextHop.Deny.class);
    }

    @Test
    void aUserListSeesTheLoginElseTheSocks4UserId() throws Exception {
        Path users = Files.writeString(dir.resolve("users"), "carol, dave # staff\n");
        SocksTable table = Confs.table("sockd @=b *=alice," + users
                + " 0.0.0.0 0.0.0.0\ndirect 0.0.0.0 0.0.0.0\n");
        assertThat(select(table, loggedIn("alice", "10.0.0.1", 80))).isInstanceOf(NextHop.Try.class);
        assertThat(select(table, loggedIn("dave", "10.0.0.1", 80))).isInstanceOf(NextHop.Try.class);
        assertThat(select(table, loggedIn("bob", "10.0.0.1", 80))).isInstanceOf(NextHop.Direct.class);
        assertThat(select(table, request(Command.CONNECT, "alice", "10.9.9.9", "10.0.0.1", 80)))
                .isInstanceOf(NextHop.Try.class);
    }

    @Test
    void aLineWhoseUserFileCannotBeReadMatchesNobody() {
        SocksTable table = Confs.table("sockd @=b *=alice,/missing/file 0.0.0.0 0.0.0.0\ndirect 0.0.0.0 0.0.0.0\n");
        assertThat(select(table, loggedIn("alice", "10.0.0.1", 80))).isInstanceOf(NextHop.Direct.class);
        assertThat(Confs.notices("sockd @=b *=/missing/file 0.0.0.0 0.0.0.0\n"))
                .containsExactly("Unable to open userfile (/missing/file): no such file");
    }

    @Test
    void badUpstreamsGoLastButAreStillTried() {
        SocksTable table = Confs.table("sockd @=dead,live 0.0.0.0 0.0.0.0\n");
        FailureMarks marks = new FailureMarks(table.marking(), new MutableClock(), log::add);
        Upstream dead = table.upstreams().get(0);
        marks.report(dead, TryOutcome.FAILED);
        assertThat(servers(Selection.select(table, RequestFacts.of(connect("10.0.0.1", 80)), marks)))
                .containsExactly("live", "dead");
    }

    @Test
    void matchingRoutesThroughUpstreamsPoolAndTheNextOtherLineIsIgnored() {
        SocksTable table = Confs.table("""
                route { from: 0/0 to: 10.0.0.0/8 via: r1 proxyprotocol: socks_v5 }
                route { from: 10.1.1.1/32 to: 0/0 via: r2 proxyprotocol: socks_v5 }
                direct 0.0.0.0 0.0.0.0
                """);
        NextHop hop = select(table, connect("10.0.0.1", 80));
        assertThat(servers(hop)).containsExactly("r1:1080", "r2:1080");
        assertThat(((NextHop.Try) hop).rule().line()).isEqualTo(1);
        assertThat(select(table, request(Command.CONNECT, "", "10.2.2.2", "192.0.2.1", 80)))
                .isInstanceOf(NextHop.Direct.class);
    }

    @Test
    void aRouteMatchesOnlyItsCommandsAndViaDirectGoesDirect() {
        SocksTable table = Confs.table("""
                route { from: 0/0 to: 0/0 via: r1 proxyprotocol: socks_v5 command: connect }
                route { from: 0/0 to: 0/0 via: direct }
                """);
        assertThat(select(table, connect("10.0.0.1", 80))).isInstanceOf(NextHop.Try.class);
        assertThat(select(table, request(Command.BIND, "", "10.1.1.1", "10.0.0.1", 80)))
                .isEqualTo(new NextHop.Direct(new MatchedRule("socks.conf", 2,
                        "route { from: 0.0.0.0/0.0.0.0 to: 0.0.0.0/0.0.0.0 via: direct }")));
    }

    @Test
    void dantesDefaultSpeaksSocks4WhenTheRequestFitsIt() {
        SocksTable table = Confs.table("route { from: 0/0 to: 0/0 via: r }\n");
        assertThat(protocols(select(table, connect("10.0.0.1", 80)))).containsExactly("SOCKS4");
        assertThat(protocols(select(table, named("far.test", 80)))).containsExactly("SOCKS5");
        assertThat(protocols(select(table, connect("fd00::1", 80)))).containsExactly("SOCKS5");
    }

    @Test
    void aBindThroughHttpOnlyHasNothingToTry() {
        SocksTable table = Confs.table("upstream h http://proxy:3128\nupstream s socks5://s\nsockd @=h,s 0.0.0.0 0.0.0.0\n");
        assertThat(servers(select(table, request(Command.BIND, "", "10.1.1.1", "10.0.0.1", 80)))).containsExactly("s");
        assertThat(servers(select(table, connect("10.0.0.1", 80)))).containsExactly("h", "s");
        SocksTable httpOnly = Confs.table("upstream h http://proxy:3128\nsockd @=h 0.0.0.0 0.0.0.0\n");
        assertThat(servers(select(httpOnly, request(Command.BIND, "", "10.1.1.1", "10.0.0.1", 80)))).isEmpty();
    }

    @Test
    void aRequestForTheUpstreamItselfIsARouteLoop() {
        SocksTable table = Confs.table("upstream b socks5://10.0.0.9:1081\nsockd @=b 0.0.0.0 0.0.0.0\n");
        assertThat(select(table, connect("10.0.0.9", 1081))).isInstanceOfSatisfying(NextHop.Deny.class,
                deny -> assertThat(deny.reason()).isEqualTo("route loop: the destination is the upstream b"));
        assertThat(select(table, connect("10.0.0.9", 80))).isInstanceOf(NextHop.Try.class);
    }

    private NextHop select(SocksTable table, ConnectRequest request) {
        return Selection.select(table, RequestFacts.of(request), new FailureMarks(table.marking(), new MutableClock(),
                log::add));
    }

    static List<String> servers(NextHop hop) {
        assertThat(hop).isInstanceOf(NextHop.Try.class);
        return ((NextHop.Try) hop).upstreams().stream().map(Upstream::name).toList();
    }

    private static List<String> protocols(NextHop hop) {
        return ((NextHop.Try) hop).upstreams().stream().map(upstream -> upstream.protocol().name()).toList();
    }
}
