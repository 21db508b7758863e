package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockd.core.internal.udp.UdpPortRange;

class ListenerOptionsTest {

    private static final String PID = "sockd.listener~edge";

    @Test
    void byDefaultNoHeaderIsReadAndRepliesNameTheLocalAddress() {
        ListenerOptions options = ListenerOptions.of(new Config("off", new String[0], ""), PID);

        assertThat(options).isEqualTo(ListenerOptions.PLAIN);
    }

    @Test
    void theHeaderIsTakenOnlyFromTheTrustedNetworks() throws Exception {
        ListenerOptions options = ListenerOptions.of(new Config("required",
                new String[] {"127.0.0.0/8", " ::1/128 ", "10.1.2.3", "2001:db8::/32"}, ""), PID);

        TrustedNetworks trusted = options.proxyTrusted().orElseThrow();
        assertThat(trusted.contains(InetAddress.getByName("127.9.8.7"))).isTrue();
        assertThat(trusted.contains(InetAddress.getByName("::1"))).isTrue();
        assertThat(trusted.contains(InetAddress.getByName("10.1.2.3"))).isTrue();
        assertThat(trusted.contains(InetAddress.getByName("2001:db8:ffff::1"))).isTrue();
        assertThat(trusted.contains(InetAddress.getByName("10.1.2.4"))).isFalse();
        assertThat(trusted.contains(InetAddress.getByName("128.0.0.1"))).isFalse();
        assertThat(trusted.contains(InetAddress.getByName("::2"))).isFalse();
        assertThat(trusted).hasToString("127.0.0.0/8, ::1/128, 10.1.2.3, 2001:db8::/32");
    }

    @Test
    void requiredWithoutTrustedNetworksIsRefused() {
        assertThatThrownBy(() -> ListenerOptions.of(new Config("required", new String[0], ""), PID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sockd.listener configuration sockd.listener~edge: proxy.protocol = \"required\" needs"
                        + " proxy.trusted, the networks of the balancers that send the header (like"
                        + " [\"10.0.0.0/8\"]); without it no connection could be served");
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThatThrownBy(() -> ListenerOptions.of(new Config("on", new String[] {"127.0.0.1"}, ""), PID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sockd.listener configuration sockd.listener~edge: proxy.protocol = \"on\" is neither"
                        + " \"required\" nor \"off\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "::/0", "10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0.0/08", "10.0.0.0/8/8",
            "10.0/8", "010.0.0.0/8", "localhost", "::ffff:10.0.0.0/104", "fe80::1%eth0/64", ""})
    void aTrustedEntryThatIsNoNetworkIsRefused(String entry) {
        assertThatThrownBy(() -> ListenerOptions.of(new Config("required", new String[] {entry}, ""), PID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sockd.listener configuration sockd.listener~edge: proxy.trusted \"" + entry
                        + "\" is not a network: expected an IP address with an optional prefix length 1-32 (IPv4) or"
                        + " 1-128 (IPv6), like 10.0.0.0/8 or ::1/128; a prefix of 0 would trust every address");
    }

    @Test
    void theAdvertisedAddressReplacesTheLocalOneOnTheSamePort() throws Exception {
        ListenerOptions options = ListenerOptions.of(new Config("off", new String[0], "192.0.2.7"), PID);
        ListenerTerms terms = new ListenerTerms(java.util.Optional.empty(), options.advertised(), options.udpPorts());

        assertThat(terms.advertise(new InetSocketAddress("127.0.0.1", 40001)))
                .isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 40001));
        assertThat(ListenerTerms.PLAIN.advertise(new InetSocketAddress("127.0.0.1", 40001)))
                .isEqualTo(new InetSocketAddress("127.0.0.1", 40001));
        assertThat(ListenerOptions.of(new Config("off", new String[0], "2001:db8::7"), PID).advertised())
                .contains(InetAddress.getByName("2001:db8::7"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "0.0.0.0", "::", "192.0.2.256", "192.0.2", "0300.0.2.7"})
    void anAdvertisedAddressThatIsNoReachableIpLiteralIsRefused(String field) {
        assertThatThrownBy(() -> ListenerOptions.of(new Config("off", new String[0], field), PID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sockd.listener configuration sockd.listener~edge: advertise.address = \"" + field
                        + "\" is not an IP address a client can reach (expected an IPv4 address as four decimal"
                        + " numbers 0-255 without leading zeros, like 10.0.0.0, or an IPv6 address; no name, no"
                        + " wildcard)");
    }

    @Test
    void theUdpPortRangeIsReadAndABadOneIsRefusedNamingThePidAndTheProperty() {
        assertThat(ListenerOptions.of(new Config("off", new String[0], "", " 40000 - 40099 "), PID).udpPorts())
                .isEqualTo(new UdpPortRange(40000, 40099));
        assertThat(ListenerOptions.of(new Config("off", new String[0], "", ""), PID).udpPorts())
                .isEqualTo(UdpPortRange.ANY);
        assertThatThrownBy(() -> ListenerOptions.of(new Config("off", new String[0], "", "40099-40000"), PID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sockd.listener configuration sockd.listener~edge: advertise.udp.ports = \"40099-40000\""
                        + " is not a port range: the first port is above the last (expected FIRST-LAST with"
                        + " 1 <= FIRST <= LAST <= 65535, like \"40000-40099\", or one port)");
    }

    private record Config(String proxy_protocol, String[] proxy_trusted, String advertise_address,
            String advertise_udp_ports) implements Listener.Config {

        Config(String proxy_protocol, String[] proxy_trusted, String advertise_address) {
            this(proxy_protocol, proxy_trusted, advertise_address, "");
        }

        @Override
        public String address() {
            return "127.0.0.1";
        }

        @Override
        public int port() {
            return 0;
        }

        @Override
        public int backlog() {
            return 1;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return Listener.Config.class;
        }
    }
}
