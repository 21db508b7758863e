package org.sockd.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every IPv6 form that carries an IPv4 address gives that address; others give none. */
class EmbeddedIpv4Test {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "127.0.0.1, 127.0.0.1",
        "10.1.2.3, 10.1.2.3",
        "::1, 127.0.0.1",
        "::ffff:127.0.0.1, 127.0.0.1",
        "::fFFf:7f00:1, 127.0.0.1",
        "::ffff:169.254.169.254, 169.254.169.254",
        "::127.0.0.1, 127.0.0.1",
        "::0.0.0.2, 0.0.0.2",
        "::10.0.0.1, 10.0.0.1",
        "64:ff9b::7f00:1, 127.0.0.1",
        "64:ff9b::a9fe:a9fe, 169.254.169.254",
        "64:ff9b:1::7f00:1, 127.0.0.1",
        "64:ff9b:1:abcd:ef01:2345:a00:1, 10.0.0.1",
        "2002:7f00:1::, 127.0.0.1",
        "2002:a9fe:a9fe:1:2:3:4:5, 169.254.169.254",
    })
    void anEmbeddedIpv4AddressIsThatAddress(String address, String ipv4) throws UnknownHostException {
        assertThat(EmbeddedIpv4.of(bytes(address))).isEqualTo(OptionalInt.of(value(ipv4)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "2001:db8::7f00:1", "64:ff9b:2::7f00:1", "64:ff9b:0:0:1::7f00:1",
        "::1:0:7f00:1", "::fffe:7f00:1", "fe80::7f00:1", "2003:7f00:1::", "fd00:ec2::254"})
    void otherIpv6AddressesCarryNone(String address) throws UnknownHostException {
        assertThat(EmbeddedIpv4.of(bytes(address))).isEmpty();
    }

    private static byte[] bytes(String literal) throws UnknownHostException {
        byte[] bytes = InetAddress.getByName(literal).getAddress();
        if (literal.contains(":") && bytes.length == 4) {
            // Java reads ::ffff:a.b.c.d as IPv4; give the rule its 16-byte form as a client would send it
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return mapped;
        }
        return bytes;
    }

    private static int value(String ipv4) throws UnknownHostException {
        return ByteBuffer.wrap(InetAddress.getByName(ipv4).getAddress()).getInt();
    }
}
