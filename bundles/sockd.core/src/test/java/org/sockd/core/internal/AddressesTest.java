package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesTest {

    @ParameterizedTest(name = "{0} port {1} -> {2}")
    @CsvSource({
        "127.0.0.1, 1080, 127.0.0.1:1080",
        "0.0.0.0, 0, 0.0.0.0:0",
        "192.0.2.254, 65535, 192.0.2.254:65535",
        "2001:db8:1:2:3:4:5:6, 1080, [2001:db8:1:2:3:4:5:6]:1080",
        "fe80:1:2:3:4:5:6:7, 443, [fe80:1:2:3:4:5:6:7]:443",
        "::ffff:192.0.2.1, 80, 192.0.2.1:80", // an IPv4-mapped address is an IPv4 address in Java
    })
    void literalAddressesAreWrittenAsPeopleWriteThem(String literal, int port, String expected)
            throws UnknownHostException {
        assertThat(Addresses.text(new InetSocketAddress(InetAddress.getByName(literal), port))).isEqualTo(expected);
    }

    @Test
    void anUnresolvedNameIsWrittenAsGiven() {
        assertThat(Addresses.text(InetSocketAddress.createUnresolved("proxy.example", 1080)))
                .isEqualTo("proxy.example:1080");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "::1, [::1]:1080",
        "::, [::]:1080",
        "2001:db8::1, [2001:db8::1]:1080",
    })
    void ipv6AddressesAreWrittenInTheirShortForm(String literal, String expected) throws UnknownHostException {
        assertThat(Addresses.text(new InetSocketAddress(InetAddress.getByName(literal), 1080))).isEqualTo(expected);
    }
}
