package org.sockd.protocol.internal.v5;

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

class Socks5ReplyTest {

    private static final SocksRequest REQUEST = new SocksRequest(
            SocksVersion.SOCKS5, Command.CONNECT, Endpoint.ofName("example.com", 443), "");
    private static final Map<Refusal, String> EXPECTED = Map.of(
            Refusal.NOT_ALLOWED, "05 02 00 01 00000000 0000",
            Refusal.IDENT_UNREACHABLE, "05 02 00 01 00000000 0000",
            Refusal.IDENT_MISMATCH, "05 02 00 01 00000000 0000",
            Refusal.GENERAL_FAILURE, "05 01 00 01 00000000 0000",
            Refusal.NETWORK_UNREACHABLE, "05 03 00 01 00000000 0000",
            Refusal.HOST_UNREACHABLE, "05 04 00 01 00000000 0000",
            Refusal.CONNECTION_REFUSED, "05 05 00 01 00000000 0000",
            Refusal.COMMAND_NOT_SUPPORTED, "05 07 00 01 00000000 0000",
            Refusal.ADDRESS_TYPE_NOT_SUPPORTED, "05 08 00 01 00000000 0000");

    private final Socks5Handler handler = new Socks5Handler();

    @ParameterizedTest
    @EnumSource(Refusal.class)
    void everyRefusalHasItsCode(Refusal refusal) throws IOException {
        assertThat(reply(new Reply.Refused(refusal))).isEqualTo(hex(EXPECTED.get(refusal)));
    }

    @Test
    void grantedCarriesTheBoundIpv4Address() throws IOException {
        assertThat(reply(new Reply.Granted(new InetSocketAddress(ip("192.0.2.7"), 40001))))
                .isEqualTo(hex("05 00 00 01 c0000207 9c41"));
    }

    @Test
    void grantedCarriesTheBoundIpv6Address() throws IOException {
        assertThat(reply(new Reply.Granted(new InetSocketAddress(ip("2001:db8::7"), 40001))))
                .isEqualTo(hex("05 00 00 04 20010db8000000000000000000000007 9c41"));
    }

    @Test
    void grantedOnAnUnresolvedAddressSendsTheUnspecifiedAddress() throws IOException {
        assertThat(reply(new Reply.Granted(InetSocketAddress.createUnresolved("proxy.invalid", 40001))))
                .isEqualTo(hex("05 00 00 01 00000000 9c41"));
    }

    @Test
    void theReplyIsFlushed() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();

        handler.reply(new BufferedOutputStream(sink), REQUEST, new Reply.Refused(Refusal.NOT_ALLOWED));

        assertThat(sink.toByteArray()).hasSize(10);
    }

    private byte[] reply(Reply reply) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.reply(out, REQUEST, reply);
        return out.toByteArray();
    }
}
