package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.sockd.itest.EchoServer;

/**
 * Broken clients get the right reply code or a clean close, and the next client is served
 * normally: each case is followed by a good SOCKS 5 round trip through the same daemon.
 */
class MalformedInputIT {

    @AutoClose
    private static Daemon daemon;
    @AutoClose
    private static EchoServer echo;

    @BeforeAll
    static void start() throws Exception {
        echo = new EchoServer();
        daemon = Daemon.start("permit 127.0.0.0 255.0.0.0\n");
    }

    @AfterEach
    void theNextClientIsServed() throws IOException {
        try (Socket socket = connect()) {
            int port = echo.address().getPort();
            byte[] target = {5, 1, 0, 1, 127, 0, 0, 1, (byte) (port >> 8), (byte) port};
            socket.getOutputStream().write(HexFormat.of().parseHex("050100"));
            socket.getOutputStream().write(target);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] replies = new byte[2 + 10];
            in.readFully(replies);
            assertThat(replies[3]).as("REP of the follow-up request").isZero();
            socket.getOutputStream().write("ping".getBytes());
            byte[] pong = new byte[4];
            in.readFully(pong);
            assertThat(new String(pong)).isEqualTo("ping");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // case                                  | bytes sent (hex), then half-close | expected answer (hex), then EOF
        "bad version byte                        | 06010050                         | ''",
        "HTTP sent to the SOCKS port             | 474554202f20485454502f312e310d0a0d0a | ''",
        "SOCKS 4 truncated header                | 040100                           | 005b000000000000",
        "SOCKS 4 user-id without its NUL         | 0401005001020304616c696365       | 005b000000000000",
        "SOCKS 4 unknown command                 | 0409005001020304616c696365 00    | 005b000000000000",
        "SOCKS 4A marker without a host name     | 0401005000000001616c69636500     | 005b000000000000",
        "SOCKS 5 greeting with zero methods      | 0500                             | 05ff",
        "SOCKS 5 offering only username/password | 050102                           | 05ff",
        "SOCKS 5 truncated greeting              | 0502                             | ''",
        "SOCKS 5 truncated request               | 050100 05010001 7f00             | 0500",
        "SOCKS 5 unknown command                 | 050100 05090001 7f000001 0050    | 0500 05070001 00000000 0000",
        "SOCKS 5 unknown address type            | 050100 05010009 7f000001 0050    | 0500 05080001 00000000 0000",
    })
    void isAnsweredAndClosed(String name, String sent, String expected) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(HexFormat.of().parseHex(sent.replace(" ", "")));
            socket.shutdownOutput();
            byte[] answer = socket.getInputStream().readAllBytes();
            assertThat(HexFormat.of().formatHex(answer)).isEqualTo(expected.replace(" ", ""));
        }
    }

    @Test
    void sixtyFourKilobytesOfGarbageAreAnsweredWithAClose() throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        garbage[0] = 5; // make it look like a SOCKS 5 greeting announcing many methods
        try (Socket socket = connect()) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    socket.getOutputStream().write(garbage);
                } catch (IOException expected) {
                    // the daemon may close while we are still writing
                }
            });
            InputStream in = socket.getInputStream();
            in.readAllBytes(); // must end: the daemon answers at most a few bytes, then closes
            writer.interrupt();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the daemon kept the garbage connection open", e);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), daemon.port());
        socket.setSoTimeout(5000);
        return socket;
    }
}
