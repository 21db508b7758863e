package org.sockd.protocol.internal.v4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.protocol.internal.Bytes.hex;
import static org.sockd.protocol.internal.Bytes.ip;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sockd.api.Command;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.protocol.Reply;
import org.sockd.api.protocol.SocksRequest;

class Socks4ReplyTest {

    private static final SocksRequest REQUEST = new SocksRequest(
            SocksVersion.SOCKS4, Command.CONNECT, Endpoint.ofAddress(ip("1.2.3.4"), 80), "fred");
    private static final Map<Refusal, String> EXPECTED = Map.of(
            Refusal.NOT_ALLOWED, "00 5b 0000 00000000",
            Refusal.IDENT_UNREACHABLE, "00 5c 0000 00000000",
            Refusal.IDENT_MISMATCH, "00 5d 0000 00000000",
            Refusal.GENERAL_FAILURE, "00 5b 0000 00000000",
            Refusal.NETWORK_UNREACHABLE, "00 5b 0000 00000000",
            Refusal.HOST_UNREACHABLE, "00 5b 0000 00000000",
            Refusal.CONNECTION_REFUSED, "00 5b 0000 00000000",
            Refusal.COMMAND_NOT_SUPPORTED, "00 5b 0000 00000000",
            Refusal.ADDRESS_TYPE_NOT_SUPPORTED, "00 5b 0000 00000000");

    private final Socks4Handler handler = new Socks4Handler();

    @ParameterizedTest
    @EnumSource(Refusal.class)
    void everyRefusalHasItsCode(Refusal refusal) throws IOException {
        assertThat(reply(new Reply.Refused(refusal))).isEqualTo(hex(EXPECTED.get(refusal)));
    }

    @Test
    void grantedCarriesTheBoundIpv4AddressAndPort() throws IOException {
        assertThat(reply(new Reply.Granted(new InetSocketAddress(ip("192.0.2.7"), 40001))))
                .isEqualTo(hex("00 5a 9c41 c0000207"));
    }

    @Test
    void grantedOnIpv6SendsTheUnspecifiedAddressButKeepsThePort() throws IOException {
        assertThat(reply(new Reply.Granted(new InetSocketAddress(ip("2001:db8::1"), 40001))))
                .isEqualTo(hex("00 5a 9c41 00000000"));
    }

    @Test
    void theReplyIsFlushed() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();

        handler.reply(new BufferedOutputStream(sink), REQUEST, new Reply.Refused(Refusal.NOT_ALLOWED));

        assertThat(sink.toByteArray()).hasSize(8);
    }

    private byte[] reply(Reply reply) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.reply(out, REQUEST, reply);
        return out.toByteArray();
    }
}
