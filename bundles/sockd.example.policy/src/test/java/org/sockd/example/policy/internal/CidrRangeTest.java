package org.sockd.example.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrRangeTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "10.0.0.0/8,          10.0.0.0/8",
        "192.168.1.5,         192.168.1.5/32",
        "0.0.0.0/0,           0.0.0.0/0",
        "2001:db8::/32,       2001:db8::/32",
        "2001:DB8::1,         2001:db8::1/128",
        "::/0,                ::/0",
        "::ffff:10.0.0.0/8,   10.0.0.0/8",
    })
    void parsesRangesAndSingleAddresses(String text, String expected) {
        assertThat(CidrRange.parse(text)).hasToString(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "10.0.0.1/8       | has bits set after the first 8; the block is 10.0.0.0/8",
        "10.0.0.0/33      | prefix /33 is longer than the 32 bits of an IPv4 address",
        "2001:db8::/129   | prefix /129 is longer than the 128 bits of an IPv6 address",
        "10.0.0.0/x       | prefix \"/x\" is not a number of bits",
        "10.0.0.0/        | prefix \"/\" is not a number of bits",
        "256.0.0.1        | \"256.0.0.1\" is not an IPv4 address: 256 > 255",
        "010.0.0.1        | \"010.0.0.1\" is not an IPv4 or IPv6 address",
        "10.1             | \"10.1\" is not an IPv4 or IPv6 address",
        "localhost        | \"localhost\" is not an IPv4 or IPv6 address",
        "example.com/8    | \"example.com\" is not an IPv4 or IPv6 address",
        "2001:db8::g      | \"2001:db8::g\" is not an IPv4 or IPv6 address",
        "fe80::1%eth0     | \"fe80::1%eth0\" is not an IPv4 or IPv6 address",
        "1:2:3:4:5:6:7:8:9 | \"1:2:3:4:5:6:7:8:9\" is not an IPv4 or IPv6 address",
    })
    void refusesWhatIsNotAnAddressLiteralOrAValidBlock(String text, String message) {
        assertThatThrownBy(() -> CidrRange.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(message);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "10.0.0.0/8,        10.255.255.255,      true",
        "10.0.0.0/8,        11.0.0.0,            false",
        "10.0.0.0/8,        ::ffff:10.1.2.3,     true",  // IPv4-mapped IPv6 is the IPv4 address
        "10.0.0.0/8,        ::a00:1,             false", // IPv4-compatible is not mapped
        "192.168.1.5,       192.168.1.5,         true",
        "192.168.1.5,       192.168.1.4,         false",
        "0.0.0.0/0,         203.0.113.9,         true",
        "0.0.0.0/0,         2001:db8::1,         false", // the IPv4 world holds no IPv6 address
        "::/0,              10.0.0.1,            false",
        "2001:db8::/32,     2001:db8:ffff::1,    true",
        "2001:db8::/32,     2001:db9::1,         false",
        "172.16.0.0/12,     172.31.255.255,      true",
        "172.16.0.0/12,     172.32.0.0,          false",
    })
    void containsTheAddressesOfItsBlockOnly(String range, String address, boolean expected) throws Exception {
        assertThat(CidrRange.parse(range).contains(InetAddress.getByName(address))).isEqualTo(expected);
    }
}
