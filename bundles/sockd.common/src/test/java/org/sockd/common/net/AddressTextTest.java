package org.sockd.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressTextTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 127.0.0.1",
        "::1, ::1",
        "::, ::",
        "2001:db8:0:0:0:0:0:1, 2001:db8::1",
        "2001:0db8:0000:0001:0000:0000:0000:0001, 2001:db8:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "fe80:0:0:0:0:0:0:0, fe80::",
        "1:0:1:0:1:0:1:0, 1:0:1:0:1:0:1:0",
    })
    void writesTheShortFormOfRfc5952(String written, String expected) throws Exception {
        assertThat(AddressText.of(InetAddress.getByName(written))).isEqualTo(expected);
    }

    @Test
    void keepsTheScopeOfALinkLocalAddress() throws Exception {
        byte[] bytes = InetAddress.getByName("fe80::1").getAddress();
        assertThat(AddressText.of(Inet6Address.getByAddress(null, bytes, 3))).isEqualTo("fe80::1%3");
    }

    @Test
    void bracketsIpv6InASocketAddress() throws Exception {
        assertThat(AddressText.of(new InetSocketAddress(InetAddress.getByName("::1"), 1080))).isEqualTo("[::1]:1080");
        assertThat(AddressText.of(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80)))
                .isEqualTo("127.0.0.1:80");
        assertThat(AddressText.of(InetSocketAddress.createUnresolved("example.org", 443)))
                .isEqualTo("example.org:443");
    }
}
