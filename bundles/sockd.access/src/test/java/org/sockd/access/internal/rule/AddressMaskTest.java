package org.sockd.access.internal.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressMaskTest {

    private static final AddressMask LOOPBACK = new AddressMask(0x7F000000, 0xFF000000);

    @ParameterizedTest(name = "{0} & {1} vs {2}: {3}")
    @CsvSource({
        "10.0.0.5, 255.0.0.255, 10.77.3.5, true",
        "10.0.0.5, 255.0.0.255, 10.77.3.6, false",
        "10.0.0.5, 255.0.0.255, 11.0.0.5, false",
        "128.12.6.4, 255.255.255.255, 128.12.6.4, true",
        "128.12.6.4, 255.255.255.255, 128.12.6.5, false",
        "0.0.0.0, 0.0.0.0, 203.0.113.9, true",
        "0.0.0.255, 0.0.0.0, 203.0.113.9, true",
        "128.12.0.0, 255.255.0.0, 128.12.36.7, true"})
    void comparesOnlyTheBitsOfTheMask(String address, String mask, String candidate, boolean matches)
            throws Exception {
        AddressMask pattern = new AddressMask(ipv4(address), ipv4(mask));
        assertThat(matches(pattern, InetAddress.getByName(candidate))).isEqualTo(matches);
    }

    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4AddressItCarries() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(matches(LOOPBACK, address)).isTrue();
    }

    @ParameterizedTest(name = "{0} is in 127.0.0.0/8")
    @ValueSource(strings = {"::1", "::127.0.0.1", "::ffff:127.0.0.1", "64:ff9b::7f00:1", "64:ff9b:1::7f00:1",
        "64:ff9b:1:2:3:4:7f00:1", "2002:7f00:1::", "2002:7f12:3456:1::1"})
    void anIpv6SpellingOfALoopbackHostMatchesTheLoopbackNetwork(String address) throws Exception {
        assertThat(matches(LOOPBACK, InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest(name = "{0} is not in 127.0.0.0/8")
    @ValueSource(strings = {"::", "2001:db8::7f00:1", "64:ff9b:2::7f00:1", "2003:7f00:1::", "fe80::1", "::2:7f00:1"})
    void anIpv6AddressThatCarriesNoIpv4AddressMatchesOnlyAPatternThatComparesNoBit(String address)
            throws Exception {
        assertThat(matches(LOOPBACK, InetAddress.getByName(address))).isFalse();
        assertThat(matches(new AddressMask(0, 0xFF000000), InetAddress.getByName(address))).isFalse();
        assertThat(matches(new AddressMask(0x0A000000, 0), InetAddress.getByName(address))).isTrue();
    }

    @Test
    void aHostMatchesWhenAnyAddressDoesAndOneWithoutAddressesOnlyTheAnyPattern() throws Exception {
        List<InetAddress> both = List.of(InetAddress.getByName("10.0.0.1"), InetAddress.getByName("2001:db8::1"),
                InetAddress.getByName("127.0.0.1"));
        assertThat(LOOPBACK.matches(Ipv4.of(both), Ipv6.of(both), List.of())).isTrue();
        assertThat(LOOPBACK.matches(Ipv4.of(both.subList(0, 2)), Ipv6.of(both.subList(0, 2)), List.of())).isFalse();
        assertThat(LOOPBACK.matches(Ipv4.of(List.of()), new long[0], List.of())).isFalse();
        assertThat(AddressMask.ANY.matches(Ipv4.of(List.of()), new long[0], List.of())).isTrue();
    }

    @Test
    void namesPlayNoPartInANumericPattern() {
        assertThat(LOOPBACK.matches(new int[0], new long[0], List.of("localhost"))).isFalse();
    }

    private static boolean matches(AddressMask pattern, InetAddress address) {
        return pattern.matches(Ipv4.of(address), Ipv6.of(address), List.of());
    }

    private static int ipv4(String dotted) throws Exception {
        byte[] b = InetAddress.getByName(dotted).getAddress();
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }
}
