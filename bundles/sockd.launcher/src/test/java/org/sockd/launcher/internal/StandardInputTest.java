package org.sockd.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

class StandardInputTest {

    @Test
    void listeningAndConnectedSocketsCountAPipeDoesNot() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                SocketChannel client = SocketChannel.open(server.getLocalAddress())) {
            Pipe pipe = Pipe.open();
            assertThat(StandardInput.isSocket(server)).isTrue();
            assertThat(StandardInput.isSocket(client)).isTrue();
            assertThat(StandardInput.isSocket(pipe.source())).isFalse();
            assertThat(StandardInput.isSocket(null)).isFalse();
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @Test
    void aTestRunHasNoSocketOnStandardInput() {
        assertThat(StandardInput.isSocket()).isFalse();
    }
}
