package org.sockd.log.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.log.EndReason;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.log.SessionInfo;

class ClassicLinesTest {

    private static final InetAddress CLIENT = address(128, 12, 6, 4);
    private static final InetAddress TARGET = address(137, 12, 4, 15);

    private final ClassicLines lines = new ClassicLines(
            a -> a.equals(CLIENT) ? "eon.cstc.org" : a.getHostAddress(),
            port -> port == 23 ? "telnet" : Integer.toString(port), true);

    @Test
    void connectLinesReadAsTheClassicOnes() {
        SessionInfo session = session(Command.CONNECT, Endpoint.ofAddress(TARGET, 23), "don", "don");
        var bound = new InetSocketAddress(CLIENT, 4000);
        assertThat(lines.linesFor(new SessionEvent.Connected(session, bound, bound)))
                .containsExactly("connected -- Connect from don(don)@eon.cstc.org to 137.12.4.15 (telnet)");
        assertThat(lines.linesFor(new SessionEvent.Terminated(session, 1048, 285143))).containsExactly(
                "terminated -- Connect from don(don)@eon.cstc.org to 137.12.4.15 (telnet).",
                "1048 bytes from eon.cstc.org, 285143 bytes from 137.12.4.15");
    }

    @Test
    void aConnectToANameSaysWhichOfItsAddressesWasConnectedTo() {
        SessionInfo session = session(Command.CONNECT, Endpoint.ofName("www.example.com", 23), "don", null);
        var target = new InetSocketAddress(address(127, 0, 0, 2), 23);
        assertThat(lines.linesFor(new SessionEvent.Connected(session, new InetSocketAddress(CLIENT, 4000), target)))
                .containsExactly("connected -- Connect from don(unknown)@eon.cstc.org to www.example.com (telnet)"
                        + " at 127.0.0.2");
    }

    @Test
    void theEndComesOnALineOfItsOwnWithReasonDurationAndAddress() {
        SessionInfo session = session(Command.CONNECT, Endpoint.ofName("www.example.com", 8000), "don", null);
        var connected = new InetSocketAddress(address(127, 0, 0, 2), 8000);
        assertThat(lines.linesFor(new SessionEvent.Ended(session, EndReason.IDLE_TIMEOUT,
                Duration.ofHours(2).plusSeconds(3), connected, null))).containsExactly(
                "ended -- Connect from don(unknown)@eon.cstc.org to www.example.com (8000) reason idle-timeout "
                        + "after 2h00m03s, connected to 127.0.0.2:8000");
        assertThat(lines.linesFor(new SessionEvent.Ended(session, EndReason.REVALIDATED, Duration.ofSeconds(65),
                connected, "refused by sockd.conf:3: deny 0.0.0.0 0.0.0.0"))).containsExactly(
                "ended -- Connect from don(unknown)@eon.cstc.org to www.example.com (8000) reason revalidated "
                        + "after 1m05s, connected to 127.0.0.2:8000 (refused by sockd.conf:3: deny 0.0.0.0 0.0.0.0)");
    }

    @Test
    void aUdpAssociationEndsWithNoAddressAndTheSwitchSilencesTheEndLine() {
        SessionInfo session = session(Command.UDP_ASSOCIATE, Endpoint.ofAddress(address(0, 0, 0, 0), 0), "", null);
        var ended = new SessionEvent.Ended(session, EndReason.CLIENT_CLOSED, Duration.ofMillis(900), null, null);
        assertThat(lines.linesFor(ended)).containsExactly(
                "ended -- UDP associate from (unknown)@eon.cstc.org for Unspecified.Host reason client-closed after 0s");
        assertThat(new ClassicLines(a -> a.getHostAddress(), Integer::toString, false).linesFor(ended)).isEmpty();
    }

    @Test
    void refusalWithoutIdentAnswerShowsUnknown() {
        SessionInfo session = session(Command.CONNECT, Endpoint.ofName("ftp.example.com", 21), "sam", null);
        assertThat(lines.linesFor(new SessionEvent.Refused(session, "rule")))
                .containsExactly("refused -- Connect from sam(unknown)@eon.cstc.org to ftp.example.com (21)");
    }

    @Test
    void failuresAndTimeoutsNameTheCall() {
        SessionInfo session = session(Command.CONNECT, Endpoint.ofAddress(TARGET, 80), "jim", null);
        assertThat(lines.linesFor(new SessionEvent.Failed(session, "connect", "Connection refused")))
                .containsExactly("failed -- Connect from jim(unknown)@eon.cstc.org to 137.12.4.15 (80)."
                        + "  Error code: connect() Connection refused");
        assertThat(lines.linesFor(new SessionEvent.TimedOut(session)))
                .containsExactly("timed-out -- Connect from jim(unknown)@eon.cstc.org to 137.12.4.15 (80)");
    }

    @Test
    void aSessionThroughUpstreamsNamesThemInTheLibraryStyle() {
        SessionInfo session = session(Command.CONNECT, Endpoint.ofAddress(TARGET, 23), "don", null);
        var bound = new InetSocketAddress(CLIENT, 4000);
        assertThat(lines.linesFor(new SessionEvent.UpstreamFailed(session, "dead (127.0.0.1:11090)",
                "Connection refused"))).containsExactly(
                "Failed to connect to sockd at dead (127.0.0.1:11090): Connection refused");
        assertThat(lines.linesFor(new SessionEvent.Connected(session, bound, bound, "live (127.0.0.1:11081)")))
                .containsExactly("connected -- Connect from don(unknown)@eon.cstc.org to 137.12.4.15 (telnet)"
                        + " using sockd at live (127.0.0.1:11081)");
        assertThat(lines.linesFor(new SessionEvent.Failed(session, "", "no SOCKS server reachable (2 tried)")))
                .containsExactly("failed -- Connect from don(unknown)@eon.cstc.org to 137.12.4.15 (telnet)."
                        + "  Error: no SOCKS server reachable (2 tried)");
    }

    @Test
    void refusalsBySocksConfOrByAnUpstreamSayWho() {
        SessionInfo session = session(Command.CONNECT, Endpoint.ofAddress(TARGET, 23), "don", null);
        assertThat(lines.linesFor(new SessionEvent.Refused(session, "refused by socks.conf line 1",
                "socks.conf line 1"))).containsExactly(
                "refused -- Connect from don(unknown)@eon.cstc.org to 137.12.4.15 (telnet) by socks.conf line 1");
        assertThat(lines.linesFor(new SessionEvent.Refused(session, "upstream", "sockd at b (127.0.0.1:1081) (reply 91)")))
                .containsExactly("refused -- Connect from don(unknown)@eon.cstc.org to 137.12.4.15 (telnet)"
                        + " by sockd at b (127.0.0.1:1081) (reply 91)");
    }

    @Test
    void anUpstreamNameCannotForgeALine() {
        SessionInfo session = session(Command.CONNECT, Endpoint.ofAddress(TARGET, 23), "don", null);
        assertThat(lines.linesFor(new SessionEvent.UpstreamFailed(session, "b\nx", "reply\r92")))
                .containsExactly("Failed to connect to sockd at b\\x0ax: reply\\x0d92");
    }

    @Test
    void bindNamesNoServiceAndUnspecifiedHost() {
        SessionInfo session = session(Command.BIND, Endpoint.ofAddress(address(0, 0, 0, 0), 21), "don", null);
        assertThat(lines.linesFor(new SessionEvent.Refused(session, "rule")))
                .containsExactly("refused -- Bind from don(unknown)@eon.cstc.org for Unspecified.Host");
    }

    @Test
    void bindLinesNameTheHostThatConnectedInAndItsService() {
        SessionInfo session = session(Command.BIND, Endpoint.ofAddress(TARGET, 21), "don", "don");
        var listening = new InetSocketAddress(CLIENT, 4000);
        var peer = new InetSocketAddress(TARGET, 23);
        assertThat(lines.linesFor(new SessionEvent.Connected(session, listening, peer)))
                .containsExactly("connected -- Bind from don(don)@eon.cstc.org for 137.12.4.15 (telnet)");
        assertThat(lines.linesFor(new SessionEvent.Terminated(session, 10, 20, peer))).containsExactly(
                "terminated -- Bind from don(don)@eon.cstc.org for 137.12.4.15 (telnet).",
                "10 bytes from eon.cstc.org, 20 bytes from 137.12.4.15");
        var stranger = new InetSocketAddress(CLIENT, 2049);
        assertThat(lines.linesFor(new SessionEvent.WrongPeer(session, stranger))).containsExactly(
                "failed -- Bind from don(don)@eon.cstc.org for 137.12.4.15. Error: connected to wrong host eon.cstc.org (2049)");
    }

    @Test
    void droppedDatagramsAreCountedOnOneLine() {
        SessionInfo session = session(Command.UDP_ASSOCIATE, Endpoint.ofAddress(address(0, 0, 0, 0), 0), "", null);
        assertThat(lines.linesFor(new SessionEvent.DatagramsDropped(session, Map.of("fragment", 2L, "denied", 1L))))
                .containsExactly("UDP associate from (unknown)@eon.cstc.org for Unspecified.Host: dropped datagrams denied=1 fragment=2");
    }

    @Test
    void hostileUserAndHostNamesCannotForgeLines() {
        SessionInfo session = session(Command.CONNECT,
                Endpoint.ofName("evil\nhost", 80), "x\nJun 22 18:24:54 eon sockd[1]: connected", "i\r");
        List<String> out = lines.linesFor(new SessionEvent.Refused(session, "rule"));
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).doesNotContain("\n", "\r")
                .isEqualTo("refused -- Connect from x\\x0aJun 22 18:24:54 eon sockd[1]: connected(i\\x0d)"
                        + "@eon.cstc.org to evil\\x0ahost (80)");
    }

    @Test
    void identLinesReadAsTheClassicOnesInThe43Order() {
        SessionInfo unanswered = session(Command.CONNECT, Endpoint.ofAddress(TARGET, 21), "bob", null);
        assertThat(lines.linesFor(new SessionEvent.IdentUnreachable(unanswered, "connection refused")))
                .containsExactly("cannot connect to identd on eon.cstc.org");
        SessionInfo mismatch = session(Command.CONNECT, Endpoint.ofAddress(TARGET, 80), "jim", "sam");
        assertThat(lines.linesFor(new SessionEvent.IdentMismatch(mismatch)))
                .containsExactly("*Alert*: real user is sam, not jim");
        assertThat(lines.linesFor(new SessionEvent.Refused(mismatch, "ident")))
                .containsExactly("refused -- Connect from jim(sam)@eon.cstc.org to 137.12.4.15 (80)");
    }

    @Test
    void protocolErrorsNameTheHost() {
        var client = new ClientInfo(new InetSocketAddress(CLIENT, 1234), new InetSocketAddress(CLIENT, 1080));
        assertThat(lines.linesFor(new SessionEvent.ProtocolError(7, client, "wrong version (0x 6)")))
                .containsExactly("error -- wrong version (0x 6) from host eon.cstc.org");
    }

    @Test
    void authenticatedUserIsShownForSocks5() {
        var client = new ClientInfo(new InetSocketAddress(CLIENT, 1234), new InetSocketAddress(CLIENT, 1080));
        var request = new ConnectRequest(client, SocksVersion.SOCKS5, Command.CONNECT,
                Endpoint.ofAddress(TARGET, 23), List.of(TARGET), "", "alice");
        assertThat(lines.request(new SessionInfo(1, Instant.EPOCH, request, null)))
                .isEqualTo("Connect from alice(unknown)@eon.cstc.org to 137.12.4.15 (telnet)");
    }

    private static SessionInfo session(Command command, Endpoint destination, String user, String ident) {
        var client = new ClientInfo(new InetSocketAddress(CLIENT, 1234), new InetSocketAddress(CLIENT, 1080));
        List<InetAddress> resolved = destination.isName() ? List.of() : List.of(destination.address());
        var request = new ConnectRequest(client, SocksVersion.SOCKS4, command, destination, resolved, user, null);
        return new SessionInfo(1, Instant.EPOCH, request, ident);
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
