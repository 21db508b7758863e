package org.sockd.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.upstream.internal.Confs.canonical;
import static org.sockd.upstream.internal.Confs.errors;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.api.upstream.UpstreamProtocol;

/** The accepted subset of Dante's route blocks and route.* settings. */
class DanteRouteTest {

    @Test
    void aBlockOverSeveralLinesReadsBackOnOneLine() {
        String text = """
                route {
                  from: 10.0.0.0/8 to: .example.org port = 443   # web only
                  via: 127.0.0.1 port = 1081
                  proxyprotocol: socks_v5
                  method: none
                  command: connect
                }
                """;
        String line = "route { from: 10.0.0.0/255.0.0.0 to: .example.org port = 443 via: 127.0.0.1 port = 1081"
                + " proxyprotocol: socks_v5 method: none command: connect }";
        assertThat(Confs.table(text).canonical()).containsExactly(new NumberedLine(1, line));
        assertThat(canonical(line + "\n")).containsExactly(line);
    }

    static Stream<Arguments> goodBlocks() {
        return Stream.of(
                Arguments.of("route{from:0/0 to:0/0 via:direct}", "route { from: 0.0.0.0/0.0.0.0 to: 0.0.0.0/0.0.0.0"
                        + " via: direct }"),
                Arguments.of("route { from: 0/0 to: fd00::/16 port 1000 - 2000 via: fw port=1080 }", "route {"
                        + " from: 0.0.0.0/0.0.0.0 to: fd00::/16 port 1000 - 2000 via: fw port = 1080 proxyprotocol:"
                        + " socks_v4 socks_v5 method: none }"),
                Arguments.of("route { from: 10.1.2.3 port >= 1024 to: host.test port neq 25 via: ::1 }", "route {"
                        + " from: 10.1.2.3/255.255.255.255 port >= 1024 to: host.test port != 25 via: ::1 port = 1080"
                        + " proxyprotocol: socks_v4 socks_v5 method: none }"),
                Arguments.of("route { from: ::/0 to: fd00::/ffff:0:ffff:: via: direct }", "route { from: ::/0"
                        + " to: fd00::/ffff:0:ffff:: via: direct }"),
                Arguments.of("route { from: 0/0 to: 0/0 via: 10.0.0.1 proxyprotocol: http }", "route {"
                        + " from: 0.0.0.0/0.0.0.0 to: 0.0.0.0/0.0.0.0 via: 10.0.0.1 port = 1080 proxyprotocol: http"
                        + " method: none }"),
                Arguments.of("route { from: 0/0 to: 0/0 via: 10.0.0.1 method: username }", "route {"
                        + " from: 0.0.0.0/0.0.0.0 to: 0.0.0.0/0.0.0.0 via: 10.0.0.1 port = 1080 proxyprotocol:"
                        + " socks_v5 method: username }"));
    }

    @ParameterizedTest
    @MethodSource("goodBlocks")
    void aValidBlockReadsBackToItself(String block, String text) {
        assertThat(canonical(block + "\n")).containsExactly(text);
        assertThat(canonical(text + "\n")).containsExactly(text);
    }

    static Stream<Arguments> badBlocks() {
        return Stream.of(
                Arguments.of("route {\n from: 0/0 to: 0/0\n", 1, "route block without its closing }"),
                Arguments.of("route {\n from: 0/0\n to: 0/0\n}", 4, "Invalid route: it needs from:, to: and via:"),
                Arguments.of("route {\n from: 0/0 to: 0/0 via: direct\n protocol: udp }", 3,
                        "Invalid route value \"udp\" (one of tcp; UDP is not chained to upstreams)"),
                Arguments.of("route {\n from: 0/0 to: 0/0 via: direct\n redirect from: 0/0 }", 3,
                        "Invalid route: \"redirect\" is not supported (from:, to:, via:, proxyprotocol:, method:,"
                                + " command:, protocol: tcp)"),
                Arguments.of("route {\n from: 0/0\n to: 10.0.0.0/33 via: direct }", 3,
                        "Invalid route prefix length /33 (at most 32)"),
                Arguments.of("route { from: 0/0 to: 0/0 port ~ 80 via: direct }", 1, "Invalid route port \"~\""
                        + " (port OP N with OP one of = != < > <= >= eq ne neq lt gt le ge, or port N - M)"),
                Arguments.of("route { from: 0/0 to: 0/0 port 90 - 80 via: direct }", 1,
                        "Invalid route port range 90 - 80 (low to high)"),
                Arguments.of("route { from: 0/0 to: 0/0 via: fw proxyprotocol: socks_v5 http }", 1,
                        "Invalid route: proxyprotocol: socks_v4 and socks_v5 cannot be mixed with http"),
                Arguments.of("route { from: 0/0 to: 0/0 via: fw proxyprotocol: http command: bind }", 1,
                        "Invalid route: command: bind is not possible through an http upstream"),
                Arguments.of("route { from: 0/0 to: 0/0 via: fw proxyprotocol: socks_v4 method: username }", 1,
                        "Invalid route: SOCKS 4 has no login: method: username needs socks_v5 or http"),
                Arguments.of("route { from: 0/0 to: 0/0 via: direct method: none }", 1,
                        "Invalid route: via: direct takes no proxyprotocol: and no method:"),
                Arguments.of("route { from: 0/0 from: 0/0 to: 0/0 via: direct }", 1, "\"from:\" given twice in one route"),
                Arguments.of("route {\n from: .example.com to: 0/0 via: direct }", 2, "Invalid route: from:"
                        + " \".example.com\" (the client is matched by address: a.b.c.d/len, a.b.c.d/mask, IPv6/len"
                        + " or 0/0)"),
                Arguments.of("route { from: 0/0 to: 0/0 via: direct } extra", 1,
                        "Invalid route: \"extra\" after the closing }"),
                Arguments.of("route { from: 0/0 to: 0/0 via: direct command: udpassociate }", 1,
                        "Invalid route value \"udpassociate\" (one of connect, bind; UDP is not chained to upstreams)"),
                Arguments.of("route { from: 0/0 to: 0/0 via: fw gssapi.servicename: x }", 1,
                        "Invalid route: \"gssapi.servicename:\" is not supported (from:, to:, via:, proxyprotocol:,"
                                + " method:, command:, protocol: tcp)"));
    }

    @ParameterizedTest
    @MethodSource("badBlocks")
    void anInvalidBlockIsAnErrorNamingTheLineOfTheWordAtFault(String block, int line, String reason) {
        assertThat(errors(block + "\n")).containsExactly("socks.conf:" + line + ": " + reason);
    }

    @Test
    void linesAfterABadBlockAreStillRead() {
        assertThat(errors("route {\n from: 0/0 to: 0/0 via: nowhere! }\ndirect 0.0.0.0\n")).containsExactly(
                "socks.conf:2: Invalid via: \"nowhere!\" (an address, a host name or direct)",
                "socks.conf:3: Invalid entry (a line has 3 to 7 fields, found 2)");
    }

    @Test
    void theDefaultProtocolsOfferSocks4ThenSocks5() {
        DanteRoute route = (DanteRoute) Confs.table("route { from: 0/0 to: 0/0 via: fw }\n").entries().get(0);
        assertThat(((DanteRoute.Proxy) route.via()).candidates()).extracting(u -> u.protocol())
                .containsExactly(UpstreamProtocol.SOCKS4, UpstreamProtocol.SOCKS5);
    }

    @Test
    void routeSettingsOverrideTheProperties() {
        SocksTable table = Confs.table("route.maxfail: 2\nroute.badexpire:60 # a minute\n");
        assertThat(table.marking()).isEqualTo(new Marking(2, Duration.ofSeconds(60)));
        assertThat(table.canonical()).extracting(NumberedLine::text)
                .containsExactly("route.maxfail: 2", "route.badexpire: 60");
        assertThat(Confs.table("").marking()).isEqualTo(Marking.DEFAULT);
    }

    @Test
    void badRouteSettingsAreErrors() {
        assertThat(errors("route.maxfail: -1\nroute.maxfails: 2\nroute.badexpire: 1\nroute.badexpire: 2\n"))
                .containsExactly(
                        "socks.conf:1: Invalid route.maxfail value \"-1\" (a whole number, 0 or more)",
                        "socks.conf:2: Unknown setting \"route.maxfails\" (route.maxfail or route.badexpire)",
                        "socks.conf:4: route.badexpire set twice");
    }

    @Test
    void badexpireWithMarkingOffGetsANotice() {
        assertThat(Confs.notices("route.maxfail: 0\nroute.badexpire: 60\n"))
                .containsExactly("socks.conf: route.badexpire has no effect with route.maxfail 0 (marking is off)");
    }
}
