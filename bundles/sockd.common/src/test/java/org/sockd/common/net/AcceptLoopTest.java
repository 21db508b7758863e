package org.sockd.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

class AcceptLoopTest {

    @Test
    void handsEveryConnectionOnAndEndsWhenTheSocketCloses() throws Exception {
        BlockingQueue<SocketChannel> accepted = new ArrayBlockingQueue<>(4);
        ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread loop = new AcceptLoop(server, accepted::add, NOPLogger.NOP_LOGGER, "test accept()", Duration.ofSeconds(1))
                .start("test-accept");
        try (SocketChannel first = SocketChannel.open(server.getLocalAddress());
                SocketChannel second = SocketChannel.open(server.getLocalAddress())) {
            assertThat(accepted.poll(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(accepted.poll(10, TimeUnit.SECONDS)).isNotNull();
        }
        server.close();
        loop.join(10_000);
        assertThat(loop.isAlive()).isFalse();
        accepted.forEach(org.sockd.common.io.Closing::quietly);
    }
}
