package org.sockd.core.internal.chain;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockd.api.Endpoint;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.upstream.Login;

class HttpHopTest {

    @Test
    void aConnectNamesTheAuthorityTwiceAndLogsInWithBasic() {
        String request = new String(HttpHop.request(Endpoint.ofName("far.test", 443), new Login("bob", "pw")), ISO_8859_1);

        assertThat(request).isEqualTo("CONNECT far.test:443 HTTP/1.1\r\nHost: far.test:443\r\n"
                + "Proxy-Authorization: Basic Ym9iOnB3\r\n\r\n");
    }

    @Test
    void anIpv6AddressGoesInBrackets() throws IOException {
        String request = new String(HttpHop.request(Endpoint.ofAddress(InetAddress.getByName("::1"), 80), null), ISO_8859_1);

        assertThat(request).isEqualTo("CONNECT [::1]:80 HTTP/1.1\r\nHost: [::1]:80\r\n\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 200 OK\r\n\r\n", "HTTP/1.0 200 Connection established\r\nVia: x\r\n\r\n",
            "HTTP/1.1 204\n\n"})
    void a2xxAcceptsAndLeavesTheRelayedBytes(String head) throws IOException {
        Trickle in = new Trickle((head + "relayed").getBytes(ISO_8859_1));

        HopAnswer answer = HttpHop.negotiate(in, new ByteArrayOutputStream(), Endpoint.ofName("h", 1), null);

        assertThat(answer).isEqualTo(new HopAnswer.Accepted(new InetSocketAddress("0.0.0.0", 0)));
        assertThat(in.left()).isEqualTo("relayed".length());
    }

    @Test
    void forbiddenIsARefusalAndOtherStatusesAreFailures() {
        assertThat(HttpHop.decode("HTTP/1.1 403 Forbidden\r\n\r\n")).isEqualTo(new HopAnswer.Refused(403, Refusal.NOT_ALLOWED));
        assertThat(HttpHop.decode("HTTP/1.1 407 Proxy Authentication Required\r\n\r\n"))
                .isEqualTo(new HopAnswer.Failed("reply 407"));
        assertThat(HttpHop.decode("HTTP/1.1 502 Bad Gateway\r\n\r\n")).isEqualTo(new HopAnswer.Failed("reply 502"));
        assertThat(HttpHop.decode("SSH-2.0-OpenSSH\r\n\r\n")).isEqualTo(new HopAnswer.Failed("bad status line"));
        assertThat(HttpHop.decode("HTTP/1.1 2000 OK\r\n\r\n")).isEqualTo(new HopAnswer.Failed("bad status line"));
    }

    @Test
    void aHeadWithoutEndIsCutAtTheCap() throws IOException {
        byte[] endless = ("HTTP/1.1 200 OK\r\nX: " + "y".repeat(HttpHop.MAX_HEAD)).getBytes(ISO_8859_1);
        Trickle in = new Trickle(endless);

        assertThat(HttpHop.negotiate(in, new ByteArrayOutputStream(), Endpoint.ofName("h", 1), null))
                .isEqualTo(new HopAnswer.Failed("response head longer than 8192 bytes"));
        assertThat(endless.length - in.left()).isEqualTo(HttpHop.MAX_HEAD);
    }
}
