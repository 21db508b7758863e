package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the guard refuses whatever the rules say; pure decisions, nothing is connected to. */
class DestinationGuardTest {

    private static final DestinationGuard.Ranges ALL = new DestinationGuard.Ranges(true, true, true, true, true);
    private static final int PORT = 1080;

    private final DestinationGuard guard = new DestinationGuard(ALL, List::of);

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0, unspecified address", "0.255.255.255, unspecified address", "::, unspecified address",
        "::ffff:0.0.0.0, unspecified address", "::0.0.0.7, unspecified address",
        "169.254.0.1, link-local", "169.254.255.255, link-local", "fe80::1, link-local", "febf:ffff::1, link-local",
        "169.254.169.254, cloud metadata", "fd00:ec2::254, cloud metadata", "::ffff:169.254.169.254, cloud metadata",
        "64:ff9b::a9fe:a9fe, cloud metadata", "2002:a9fe:a9fe::, cloud metadata",
        "224.0.0.1, multicast", "239.255.255.255, multicast", "ff02::1, multicast", "ff0e::1, multicast",
        "64:ff9b::e000:1, multicast",
        "255.255.255.255, broadcast or reserved", "240.0.0.1, broadcast or reserved",
    })
    void refusesTheRangesNoRuleShouldReachByAccident(String address, String reason) throws UnknownHostException {
        assertThat(guard.refusal(InetAddress.getByName(address), PORT)).contains(reason);
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1", "127.255.255.254", "::1", "10.0.0.1", "192.168.1.1", "172.16.0.1", "fd00::1",
        "fc00::1", "1.0.0.0", "169.253.255.255", "169.255.0.0", "223.255.255.255", "fec0::1", "fe7f::1",
        "fd00:ec2::253", "8.8.8.8", "2001:db8::1"})
    void leavesLoopbackPrivateAndEveryOtherAddressToTheRules(String address) throws UnknownHostException {
        assertThat(guard.refusal(InetAddress.getByName(address), PORT)).isEmpty();
    }

    @Test
    void eachRangeCanBeSwitchedOffOnItsOwn() throws UnknownHostException {
        assertThat(only(new DestinationGuard.Ranges(false, true, true, true, true), "0.0.0.0")).isEmpty();
        assertThat(only(new DestinationGuard.Ranges(false, true, true, true, true), "169.254.169.254")).isPresent();
        assertThat(only(new DestinationGuard.Ranges(true, false, true, true, true), "169.254.169.254")).isEmpty();
        assertThat(only(new DestinationGuard.Ranges(true, false, true, true, true), "fe80::1")).isEmpty();
        assertThat(only(new DestinationGuard.Ranges(true, false, true, true, true), "224.0.0.1")).isPresent();
        assertThat(only(new DestinationGuard.Ranges(true, true, false, true, true), "ff02::1")).isEmpty();
        assertThat(only(new DestinationGuard.Ranges(true, true, true, false, true), "255.255.255.255")).isEmpty();
    }

    @Test
    void refusesTheListeningEndpointsAndNoOtherPortOfTheirAddress() throws UnknownHostException {
        DestinationGuard listening = new DestinationGuard(ALL,
                () -> List.of(new InetSocketAddress("127.0.0.1", PORT), new InetSocketAddress("::1", 1081)));

        assertThat(listening.refusal(InetAddress.getByName("127.0.0.1"), PORT)).contains("own endpoint");
        assertThat(listening.refusal(InetAddress.getByName("::ffff:127.0.0.1"), PORT)).contains("own endpoint");
        assertThat(listening.refusal(InetAddress.getByName("::1"), 1081)).contains("own endpoint");
        assertThat(listening.refusal(InetAddress.getByName("127.0.0.1"), 1081)).isEmpty();
        assertThat(listening.refusal(InetAddress.getByName("127.0.0.2"), PORT)).isEmpty();
        assertThat(listening.refusal(InetAddress.getByName("127.0.0.1"), 8080)).isEmpty();
    }

    @Test
    void aWildcardListenerIsReachedAtEveryAddressOfThisHost() throws Exception {
        DestinationGuard listening = new DestinationGuard(new DestinationGuard.Ranges(false, true, true, true, true),
                () -> List.of(new InetSocketAddress("0.0.0.0", PORT)));

        for (String address : List.of("0.0.0.0", "127.0.0.1", "127.0.0.2", "::1", "::")) {
            assertThat(listening.refusal(InetAddress.getByName(address), PORT)).as(address).contains("own endpoint");
        }
        for (InetAddress local : NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses).toList()) {
            assertThat(listening.refusal(local, PORT)).as(local.toString()).isPresent();
        }
        assertThat(listening.refusal(InetAddress.getByName("192.0.2.1"), PORT)).as("TEST-NET-1, no host's").isEmpty();
        assertThat(listening.refusal(InetAddress.getByName("127.0.0.1"), PORT + 1)).isEmpty();
    }

    @Test
    void ownEndpointsCanBeSwitchedOff() throws UnknownHostException {
        DestinationGuard listening = new DestinationGuard(new DestinationGuard.Ranges(true, true, true, true, false),
                () -> List.of(new InetSocketAddress("127.0.0.1", PORT)));

        assertThat(listening.refusal(InetAddress.getByName("127.0.0.1"), PORT)).isEmpty();
    }

    @Test
    void screeningKeepsTheAddressesItDoesNotRefuseInOrderAndSaysWhyOfTheFirstItDoes() throws UnknownHostException {
        List<InetAddress> addresses = List.of(InetAddress.getByName("169.254.1.1"), InetAddress.getByName("127.0.0.2"),
                InetAddress.getByName("224.0.0.1"), InetAddress.getByName("127.0.0.1"));

        DestinationGuard.Screened screened = guard.screen(addresses, PORT);

        assertThat(screened.passed()).containsExactly(addresses.get(1), addresses.get(3));
        assertThat(screened.refusal()).contains("link-local");
        assertThat(screened.refusedAll()).isFalse();
        assertThat(guard.screen(List.of(addresses.get(0), addresses.get(2)), PORT).refusedAll()).isTrue();
        assertThat(guard.screen(List.of(), PORT).refusedAll()).as("nothing resolved is for the rules").isFalse();
    }

    private static Optional<String> only(DestinationGuard.Ranges ranges, String address) throws UnknownHostException {
        return new DestinationGuard(ranges, List::of).refusal(InetAddress.getByName(address), PORT);
    }
}
