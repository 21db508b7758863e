package org.sockd.core.internal.chain;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** A destination on 127.0.0.2 that echoes one connection's bytes back and then ends its side too. */
final class EchoTarget implements AutoCloseable {

    private final ServerSocketChannel server;
    private volatile SocketChannel connection;

    EchoTarget() throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.2", 0));
        Thread.ofVirtual().start(this::echoOne);
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) server.getLocalAddress();
    }

    private void echoOne() {
        try {
            connection = server.accept();
            connection.socket().getInputStream().transferTo(connection.socket().getOutputStream());
            connection.shutdownOutput();
        } catch (IOException e) {
            // closed by the test
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (connection != null) {
            connection.close();
        }
    }
}
