package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.itest.EchoServer;

/**
 * A multi-line classic file decides requests from several loopback "hosts" (127.0.0.2, .3, .5),
 * user-ids and both protocols exactly as the classic daemon would: first match wins, implied deny.
 */
class ClassicRulesIT {

    @AutoClose
    private static EchoServer open;
    @AutoClose
    private static EchoServer guarded;
    @AutoClose
    private static Daemon daemon;

    @BeforeAll
    static void start() throws Exception {
        open = new EchoServer();
        guarded = new EchoServer();
        daemon = Daemon.start("""
                # the worked example of the classic test script, moved onto loopback
                deny   *=bonnie,clyde 127.0.0.2 255.255.255.255
                permit *=ylee 127.0.0.3 255.255.255.255 127.0.0.1 255.255.255.255
                deny   127.0.0.0 255.0.0.0 127.0.0.1 255.255.255.255 eq %d
                PERMIT 127.0.0.0 255.255.255.252
                """.formatted(guarded.address().getPort()));
    }

    @ParameterizedTest(name = "SOCKS 4 {1} from {0} to the {2} port: {3}")
    @CsvSource({
        "127.0.0.2, clyde, open,    91",   // line 1
        "127.0.0.2, bonnie, open,   91",   // line 1
        "127.0.0.2, ylee,  open,    90",   // line 4
        "127.0.0.3, ylee,  guarded, 90",   // line 2: line 3 is never reached
        "127.0.0.3, jane,  guarded, 91",   // line 3
        "127.0.0.3, jane,  open,    90",   // line 4
        "127.0.0.5, sam,   open,    91",   // no line matches: implied deny
    })
    void socks4(String source, String user, String target, int expected) throws Exception {
        try (Socket client = from(source)) {
            int port = (target.equals("open") ? open : guarded).address().getPort();
            OutputStream out = client.getOutputStream();
            out.write(new byte[] {4, 1, (byte) (port >> 8), (byte) port, 127, 0, 0, 1});
            out.write((user + "\0").getBytes(StandardCharsets.ISO_8859_1));
            byte[] reply = new DataInputStream(client.getInputStream()).readNBytes(8);
            assertThat(reply[1] & 0xff).as("CD").isEqualTo(expected);
            if (expected == 90) {
                assertEchoes(client);
            } else {
                assertThat(client.getInputStream().read()).as("closed after the refusal").isEqualTo(-1);
                daemon.awaitLine(line -> line.contains("refused -- Connect from " + user + "(unknown)@" + source
                        + " to localhost (" + port + ")"), 5);
            }
        }
    }

    @ParameterizedTest(name = "SOCKS 5 from {0} to the {1} port: REP {2}")
    @CsvSource({
        "127.0.0.2, open,    0",   // no user-id in SOCKS 5: line 1 does not apply; line 4
        "127.0.0.1, guarded, 2",   // line 3
        "127.0.0.5, open,    2",   // implied deny
    })
    void socks5(String source, String target, int expected) throws Exception {
        try (Socket client = from(source)) {
            int port = (target.equals("open") ? open : guarded).address().getPort();
            client.getOutputStream().write(new byte[] {5, 1, 0, 5, 1, 0, 1, 127, 0, 0, 1, (byte) (port >> 8), (byte) port});
            byte[] replies = new DataInputStream(client.getInputStream()).readNBytes(12);
            assertThat(replies[3] & 0xff).as("REP").isEqualTo(expected);
            if (expected == 0) {
                assertEchoes(client);
            } else {
                assertThat(client.getInputStream().read()).as("closed after the refusal").isEqualTo(-1);
            }
        }
    }

    private static Socket from(String source) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout(5000);
        socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        socket.connect(daemon.address(), 5000);
        return socket;
    }

    private static void assertEchoes(Socket client) throws IOException {
        client.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(new DataInputStream(client.getInputStream()).readNBytes(4), StandardCharsets.US_ASCII))
                .isEqualTo("ping");
    }
}
