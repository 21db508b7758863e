package org.sockd.core.internal.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UdpPortRangeTest {

    private static final String WHERE = "sockd.listener configuration sockd.listener~edge: advertise.udp.ports";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final List<DatagramChannel> channels = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (DatagramChannel channel : channels) {
            channel.close();
        }
    }

    @Test
    void aRangeOnePortAndNothingAreRead() {
        assertThat(UdpPortRange.parse("40000-40099", WHERE)).isEqualTo(new UdpPortRange(40000, 40099));
        assertThat(UdpPortRange.parse(" 1 - 65535 ", WHERE)).isEqualTo(new UdpPortRange(1, 65535));
        assertThat(UdpPortRange.parse("40000", WHERE)).isEqualTo(new UdpPortRange(40000, 40000));
        assertThat(UdpPortRange.parse("40000-40000", WHERE).size()).isEqualTo(1);
        assertThat(UdpPortRange.parse(" ", WHERE)).isSameAs(UdpPortRange.ANY);
        assertThat(UdpPortRange.ANY.size()).isZero();
        assertThat(new UdpPortRange(40000, 40099)).hasToString("40000-40099");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0-10", "40000-65536", "65536", "0", "-40000", "40000-", "-", "+40000-40099",
        "40000--40099", "40000-40099-40100", "4o000-40099", "40000 40099", "040000-40099", "40000:40099", "any"})
    void aValueThatIsNoRangeOfPorts1To65535IsRefusedNamingWhereAndTheValue(String field) {
        assertThatThrownBy(() -> UdpPortRange.parse(field, WHERE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(WHERE + " = \"" + field + "\" is not a port range (expected FIRST-LAST with"
                        + " 1 <= FIRST <= LAST <= 65535, like \"40000-40099\", or one port)");
    }

    @Test
    void aReversedRangeIsRefusedSayingSo() {
        assertThatThrownBy(() -> UdpPortRange.parse("40099-40000", WHERE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(WHERE + " = \"40099-40000\" is not a port range: the first port is above the last");
    }

    @Test
    void eachPortIsTriedOnceFromTheRandomStartAndThenBindingFails() throws Exception {
        int first = freePair();
        UdpPortRange range = new UdpPortRange(first, first + 1);

        // the walk starts at the second port and wraps round to the first
        assertThat(bound(range, 1)).isEqualTo(first + 1);
        assertThat(bound(range, 1)).isEqualTo(first);
        DatagramChannel third = opened();
        assertThatThrownBy(() -> range.bind(third, LOOPBACK, size -> 0)).isInstanceOf(BindException.class)
                .hasMessage("every UDP port of advertise.udp.ports " + range + " on 127.0.0.1 is in use");
        assertThat(third.getLocalAddress()).as("left unbound").isNull();

        // a port given up is free for the next association, whatever the start
        channels.removeFirst().close();
        range.bind(third, LOOPBACK, size -> 0);
        assertThat(((InetSocketAddress) third.getLocalAddress()).getPort()).isEqualTo(first + 1);
    }

    @Test
    void anyPortIsWhatTheSystemHandsOut() throws Exception {
        DatagramChannel channel = opened();
        UdpPortRange.ANY.bind(channel, LOOPBACK);

        assertThat(((InetSocketAddress) channel.getLocalAddress()).getPort()).isPositive();
    }

    private int bound(UdpPortRange range, int start) throws IOException {
        DatagramChannel channel = opened();
        range.bind(channel, LOOPBACK, size -> start);
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private DatagramChannel opened() throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channels.add(channel);
        return channel;
    }

    /** @return the first of two adjacent UDP ports free on loopback a moment ago */
    private static int freePair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramChannel low = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
                int port = ((InetSocketAddress) low.getLocalAddress()).getPort();
                if (port < 0xFFFF) {
                    try (DatagramChannel high = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, port + 1))) {
                        return port;
                    } catch (BindException taken) {
                        // the next one is in use: another pair
                    }
                }
            }
        }
        throw new IOException("no two adjacent free UDP ports on loopback in 50 tries");
    }
}
