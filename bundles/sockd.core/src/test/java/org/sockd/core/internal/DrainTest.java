package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Draining closes the listening sockets, so that new clients are refused, and undraining binds them again. */
@Timeout(10)
class DrainTest {

    private final LinkedBlockingQueue<SocketChannel> accepted = new LinkedBlockingQueue<>();
    private final Drain drain = new Drain();
    private final ListeningSocket socket;

    DrainTest() throws IOException {
        socket = new ListeningSocket(ListeningSocket.bind(new InetSocketAddress("127.0.0.1", 0), 16), 16, accepted::add);
    }

    @AfterEach
    void close() throws IOException {
        socket.close();
        for (SocketChannel channel : accepted) {
            channel.close();
        }
    }

    @Test
    void aDrainingNodeRefusesConnectionsAndTakesThemAgainAtTheSamePortAfter() throws Exception {
        drain.add(socket);
        drain.drain();

        assertThat(drain.draining()).isTrue();
        assertThatThrownBy(() -> SocketChannel.open(socket.address()).close()).isInstanceOf(ConnectException.class);

        drain.undrain();

        try (SocketChannel client = SocketChannel.open(socket.address())) {
            assertThat(accepted.poll(5, TimeUnit.SECONDS)).as("accepted after undrain").isNotNull();
        }
        assertThat(drain.draining()).isFalse();
    }

    @Test
    void aListenerThatOpensWhileTheNodeDrainsIsClosedAtOnce() {
        drain.drain();
        drain.add(socket);

        assertThatThrownBy(() -> SocketChannel.open(socket.address()).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void aListenerThatLeftIsNotOpenedAgain() throws Exception {
        drain.add(socket);
        drain.drain();
        drain.remove(socket);
        drain.undrain();

        assertThatThrownBy(() -> SocketChannel.open(socket.address()).close()).isInstanceOf(ConnectException.class);
    }
}
