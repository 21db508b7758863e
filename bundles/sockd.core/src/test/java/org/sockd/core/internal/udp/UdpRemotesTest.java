package org.sockd.core.internal.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class UdpRemotesTest {

    private final List<DatagramChannel> handedOver = new CopyOnWriteArrayList<>();

    @Test
    void oneSocketPerLocalAddressOpenedOnFirstUse() throws Exception {
        try (UdpRemotes remotes = new UdpRemotes(handedOver::add)) {
            DatagramChannel wildcard = remotes.channelFor(null);
            DatagramChannel loopback = remotes.channelFor(InetAddress.getByName("127.0.0.1"));

            assertThat(remotes.channelFor(null)).isSameAs(wildcard);
            assertThat(remotes.channelFor(InetAddress.getByName("127.0.0.1"))).isSameAs(loopback);
            assertThat(handedOver).containsExactly(wildcard, loopback);
            assertThat(((InetSocketAddress) wildcard.getLocalAddress()).getAddress().isAnyLocalAddress()).isTrue();
            assertThat(((InetSocketAddress) loopback.getLocalAddress()).getAddress())
                    .isEqualTo(InetAddress.getByName("127.0.0.1"));
            assertThat(((InetSocketAddress) loopback.getLocalAddress()).getPort()).isPositive();
        }
    }

    @Test
    void closingClosesEverySocketAndOpensNoMore() throws Exception {
        UdpRemotes remotes = new UdpRemotes(handedOver::add);
        remotes.channelFor(null);
        remotes.channelFor(InetAddress.getByName("127.0.0.1"));

        remotes.close();

        assertThat(handedOver).noneMatch(DatagramChannel::isOpen);
        assertThatThrownBy(() -> remotes.channelFor(null)).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void anAddressThatIsNotLocalFailsAndIsNotRemembered() throws Exception {
        try (UdpRemotes remotes = new UdpRemotes(handedOver::add)) {
            // TEST-NET-1 (RFC 5737) is never assigned to this machine, so binding to it fails.
            InetAddress foreign = InetAddress.getByName("192.0.2.1");

            assertThatThrownBy(() -> remotes.channelFor(foreign)).isInstanceOf(BindException.class);
            assertThat(remotes.size()).isZero();
            assertThat(handedOver).isEmpty();
        }
    }
}
