package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A host name that no rule could place is refused before any lookup: 2130706433 is 127.0.0.1 to
 * Java and to glibc, yet a rule for names or networks would not see it as such.
 */
class HostNameCheckIT {

    @AutoClose
    private static Daemon daemon;
    @AutoClose
    private static WebServer web;

    @BeforeAll
    static void start() throws Exception {
        web = new WebServer();
        daemon = Daemon.start("permit 127.0.0.0 255.0.0.0\n");
    }

    /**
     * curl would not do for the numeric name: it reads 2130706433 in the URL as 127.0.0.1 itself
     * and sends that address, so the name is sent here as a SOCKS 5 DOMAINNAME by hand.
     */
    @Test
    void aNumericSpellingIsRefusedAndTheLogSaysWhyWhileLocalhostWorks() throws Exception {
        assertThat(connectByName("2130706433", web.port())).isEqualTo(0x02); // not allowed by the ruleset
        daemon.awaitLine(line -> line.contains("refused -- Connect from (unknown)@localhost to 2130706433 ("
                + web.port() + ") by destination check: ambiguous numeric host"), 10);
        daemon.awaitLine(line -> line.contains("refused without a lookup, ambiguous numeric host: 2130706433"), 10);

        assertThat(curl("http://localhost:" + web.port() + "/")).isEqualTo(web.body());
    }

    /** @return the REP field of the daemon's answer to a SOCKS 5 CONNECT to {@code name} */
    private static int connectByName(String name, int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), daemon.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(new byte[] {5, 1, 0});
            byte[] method = new byte[2];
            in.readFully(method);
            assertThat(method).containsExactly(5, 0);
            byte[] host = name.getBytes(StandardCharsets.US_ASCII);
            out.write(ByteBuffer.allocate(7 + host.length).put(new byte[] {5, 1, 0, 3, (byte) host.length}).put(host)
                    .putShort((short) port).array());
            byte[] reply = new byte[10];
            in.readFully(reply);
            assertThat(reply[0]).isEqualTo((byte) 5);
            return reply[1];
        }
    }

    private static String curl(String url) throws Exception {
        Process curl = new ProcessBuilder(List.of("curl", "-sS", "--max-time", "10", "--socks5-hostname",
                "127.0.0.1:" + daemon.port(), url)).redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(15, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
