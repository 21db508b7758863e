package org.sockd.core.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.api.Command;
import org.sockd.api.Endpoint;
import org.sockd.api.protocol.Refusal;

class Socks5HopTest {

    @Test
    void requestsCarryEachAddressType() throws IOException {
        assertThat(Socks5Hop.request(Command.CONNECT, Endpoint.ofAddress(InetAddress.getByName("10.1.2.3"), 80)))
                .containsExactly(5, 1, 0, 1, 10, 1, 2, 3, 0, 80);
        assertThat(Socks5Hop.request(Command.BIND, Endpoint.ofName("a.b", 443)))
                .containsExactly(5, 2, 0, 3, 3, 'a', '.', 'b', 1, 0xBB);
        assertThat(Socks5Hop.request(Command.CONNECT, Endpoint.ofAddress(InetAddress.getByName("::1"), 1)))
                .hasSize(22).startsWith(5, 1, 0, 4, 0).endsWith(1, 0, 1);
    }

    @Test
    void anIpv4GrantArrivingByteByByteLeavesTheRelayedBytes() throws IOException {
        Trickle in = Trickle.of(5, 0, 0, 1, 192, 0, 2, 7, 0x1F, 0x90, 'x');

        assertThat(Socks5Hop.reply(in, Command.CONNECT))
                .isEqualTo(new HopAnswer.Accepted(new InetSocketAddress("192.0.2.7", 8080)));
        assertThat(in.left()).isEqualTo(1);
    }

    @Test
    void anIpv6AndANamedGrant() throws IOException {
        byte[] v6 = new byte[22];
        v6[0] = 5;
        v6[3] = 4;
        v6[19] = 1;
        v6[21] = 7;
        assertThat(Socks5Hop.reply(new Trickle(v6), Command.BIND))
                .isEqualTo(new HopAnswer.Accepted(new InetSocketAddress("::1", 7)));
        assertThat(Socks5Hop.reply(Trickle.of(5, 0, 0, 3, 2, 'h', 'k', 0, 9), Command.CONNECT))
                .isEqualTo(new HopAnswer.Accepted(InetSocketAddress.createUnresolved("hk", 9)));
    }

    @ParameterizedTest(name = "{0} REP {1}")
    @CsvSource({"CONNECT, 2, NOT_ALLOWED", "CONNECT, 3, NETWORK_UNREACHABLE", "CONNECT, 4, HOST_UNREACHABLE",
            "CONNECT, 5, CONNECTION_REFUSED", "CONNECT, 6, HOST_UNREACHABLE", "BIND, 1, GENERAL_FAILURE"})
    void refusalsOfTheUpstreamArePassedOn(Command command, int code, Refusal refusal) throws IOException {
        assertThat(Socks5Hop.reply(Trickle.of(5, code, 0, 1, 0, 0, 0, 0, 0, 0), command))
                .isEqualTo(new HopAnswer.Refused(code, refusal));
    }

    @ParameterizedTest(name = "{0} REP {1}")
    @CsvSource({"CONNECT, 1", "CONNECT, 7", "CONNECT, 8", "BIND, 9", "CONNECT, 255"})
    void otherCodesAreFailuresOfTheUpstream(Command command, int code) throws IOException {
        assertThat(Socks5Hop.reply(Trickle.of(5, code, 0, 1, 0, 0, 0, 0, 0, 0), command))
                .isEqualTo(new HopAnswer.Failed("reply " + code));
    }

    @Test
    void aWrongVersionOrAddressTypeIsMalformed() throws IOException {
        assertThat(Socks5Hop.reply(Trickle.of(4, 0, 0, 1, 0, 0, 0, 0, 0, 0), Command.CONNECT))
                .isInstanceOf(HopAnswer.Failed.class);
        assertThat(Socks5Hop.reply(Trickle.of(5, 0, 0, 2, 0, 0, 0, 0, 0, 0), Command.CONNECT))
                .isInstanceOf(HopAnswer.Failed.class);
    }

    @Test
    void theWholeExchangeWithoutLogin() throws IOException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        Trickle in = Trickle.of(5, 0, 5, 0, 0, 1, 127, 0, 0, 3, 0, 1);

        HopAnswer answer = Socks5Hop.negotiate(in, sent, Command.CONNECT, Endpoint.ofName("h", 80), null);

        assertThat(answer).isEqualTo(new HopAnswer.Accepted(new InetSocketAddress("127.0.0.3", 1)));
        assertThat(sent.toByteArray()).containsExactly(5, 1, 0, 5, 1, 0, 3, 1, 'h', 0, 80);
    }
}
