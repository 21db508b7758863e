package org.sockd.protocol.internal.v5;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.sockd.api.protocol.DecodedDatagram;

/**
 * Coverage-guided: any datagram decodes to one to relay or one dropped with a reason, wherever it
 * sits in the caller's buffer, and an address header written back reads the same (README "Fuzzing").
 */
class Socks5DatagramsFuzzTest {

    /** Bytes the caller's buffer holds around the datagram, which the codec must neither read nor move past. */
    private static final int MARGIN = 3;

    private final Socks5Datagrams codec = new Socks5Datagrams();

    @FuzzTest(maxDuration = "10m")
    void decode(byte[] packet) {
        DecodedDatagram alone = codec.decode(ByteBuffer.wrap(packet));
        ByteBuffer framed = ByteBuffer.wrap(new byte[MARGIN + packet.length + MARGIN], MARGIN, packet.length);
        framed.put(MARGIN, packet);
        assertSame(codec.decode(framed), alone);
        assertThat(framed.position()).isEqualTo(MARGIN);
        assertThat(framed.limit()).isEqualTo(MARGIN + packet.length);
        if (alone instanceof DecodedDatagram.Datagram datagram) {
            assertThat(datagram.payload().length).isLessThan(packet.length);
            if (!datagram.destination().isName()) {
                assertAddressRoundTrip(datagram);
            }
        }
    }

    private void assertAddressRoundTrip(DecodedDatagram.Datagram datagram) {
        InetSocketAddress source = new InetSocketAddress(datagram.destination().address(), datagram.destination().port());
        assertSame(codec.decode(codec.encode(source, ByteBuffer.wrap(datagram.payload()))), datagram);
    }

    private static void assertSame(DecodedDatagram actual, DecodedDatagram expected) {
        switch (expected) {
            case DecodedDatagram.Dropped dropped -> assertThat(actual).isEqualTo(dropped);
            case DecodedDatagram.Datagram datagram -> {
                assertThat(actual).isInstanceOfSatisfying(DecodedDatagram.Datagram.class, other -> {
                    assertThat(other.destination()).isEqualTo(datagram.destination());
                    assertThat(other.payload()).isEqualTo(datagram.payload());
                });
            }
        }
    }
}
