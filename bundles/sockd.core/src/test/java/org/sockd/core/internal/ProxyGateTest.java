package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sockd.api.ClientInfo;
import org.sockd.api.protocol.ProxyHeader;
import org.sockd.api.protocol.ProxyHeaderReader;

class ProxyGateTest {

    private static final ClientInfo BALANCER = new ClientInfo(new InetSocketAddress("127.0.0.1", 50000),
            new InetSocketAddress("127.0.0.1", 1080));
    private static final InetSocketAddress CLIENT = new InetSocketAddress("192.0.2.3", 40000);
    private static final InetSocketAddress BALANCER_FRONT = new InetSocketAddress("198.51.100.1", 1081);

    private final Loopback net = newLoopback();
    private ProxyHeader next;

    private static Loopback newLoopback() {
        try {
            return new Loopback();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() {
        net.close();
    }

    private ProxyGate gate(String... trusted) {
        return new ProxyGate("127.0.0.1:1080 (sockd.listener~edge)",
                TrustedNetworks.parse(trusted, "proxy.trusted"), () -> in -> next);
    }

    @Test
    void aPeerOutsideTheTrustedNetworksIsRefusedAndCounted() throws IOException {
        ProxyGate gate = gate("10.0.0.0/8");
        SocketChannel fromLoopback = net.pair().proxy();

        assertThat(gate.trusts(fromLoopback)).isFalse();
        assertThat(gate.refused()).isEqualTo(1);
        assertThat(gate("127.0.0.0/8").trusts(fromLoopback)).isTrue();
    }

    @Test
    void theHeadersClientIsServedAndIdentAsksAboutTheConnectionItsIdentdKnows() throws IOException {
        ProxyGate gate = gate("127.0.0.0/8");
        next = new ProxyHeader.Proxied(CLIENT, BALANCER_FRONT);
        LiveSession live = live();

        Arrival arrival = gate.admit(live, InputStream.nullInputStream(), BALANCER).orElseThrow();

        assertThat(arrival.client()).isEqualTo(new ClientInfo(CLIENT, BALANCER.local()));
        assertThat(arrival.identServer()).isEqualTo(new InetSocketAddress("127.0.0.1", 1081));
        assertThat(live.announcedClient()).isEqualTo(CLIENT);
        assertThat(gate.refused()).isZero();
    }

    @Test
    void aHeaderWithoutAClientIsClosedQuietlyNotCounted() throws IOException {
        ProxyGate gate = gate("127.0.0.0/8");
        next = new ProxyHeader.Local("version 2 LOCAL");

        assertThat(gate.admit(live(), InputStream.nullInputStream(), BALANCER)).isEmpty();
        assertThat(gate.refused()).isZero();
    }

    @Test
    void aMalformedHeaderIsRefusedAndCounted() throws IOException {
        ProxyGate gate = gate("127.0.0.0/8");
        next = new ProxyHeader.Malformed("not a PROXY protocol header (first byte 0x05)");

        assertThat(gate.admit(live(), InputStream.nullInputStream(), BALANCER)).isEmpty();
        assertThat(gate.refused()).isEqualTo(1);
    }

    @Test
    void aFailedReadOrNoReaderIsRefusedAndCounted() throws IOException {
        ProxyHeaderReader failing = in -> {
            throw new IOException("Connection reset");
        };
        ProxyGate withFailingReader = new ProxyGate("l", TrustedNetworks.parse(new String[] {"127.0.0.1"}, "t"),
                () -> failing);
        ProxyGate withoutReader = new ProxyGate("l", TrustedNetworks.parse(new String[] {"127.0.0.1"}, "t"),
                () -> null);

        assertThat(withFailingReader.admit(live(), new ByteArrayInputStream(new byte[0]), BALANCER)).isEmpty();
        assertThat(withoutReader.admit(live(), new ByteArrayInputStream(new byte[0]), BALANCER)).isEmpty();
        assertThat(withFailingReader.refused()).isEqualTo(1);
        assertThat(withoutReader.refused()).isEqualTo(1);
    }

    private LiveSession live() throws IOException {
        return new LiveSession(1, net.pair().proxy(), Long.MAX_VALUE);
    }
}
