package org.sockd.core.internal.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class UdpLimitsTest {

    @Test
    void theDefaultsAreTwoMinutes256PeersAndTheLargestIpv4Payload() {
        assertThat(UdpLimits.defaults()).isEqualTo(new UdpLimits(120_000, 256, 65_507, 1_000));
    }

    @Test
    void impossibleLimitsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new UdpLimits(0, 256, 65_507)).hasMessageContaining("idle timeout");
        assertThatThrownBy(() -> new UdpLimits(1, 0, 65_507)).hasMessageContaining("peers");
        assertThatThrownBy(() -> new UdpLimits(1, 1, 0)).hasMessageContaining("datagram size");
        assertThatThrownBy(() -> new UdpLimits(1, 1, 65_536)).hasMessageContaining("datagram size");
        assertThatThrownBy(() -> new UdpLimits(1, 1, 1, -1)).hasMessageContaining("decision lifetime");
    }

    @Test
    void aGateVerdictNeedsAResolvedTarget() {
        assertThatThrownBy(() -> new UdpGate.Verdict.Send(InetSocketAddress.createUnresolved("example.org", 53), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("example.org");
    }
}
