package org.sockd.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback listener that accepts every connection and closes it at once, counting them: an
 * upstream that is up but fails every try, or a host that must not be contacted at all.
 */
final class ClosingListener implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger accepts = new AtomicInteger();

    ClosingListener() throws IOException {
        this(InetAddress.getLoopbackAddress());
    }

    ClosingListener(InetAddress address) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(address, 0), 50);
        Thread.ofPlatform().daemon().name("closing-listener-" + port()).start(this::acceptAndClose);
    }

    private void acceptAndClose() {
        while (!server.isClosed()) {
            try (Socket ignored = server.accept()) {
                // counted before the close, so whoever sees the close also sees the count
                accepts.incrementAndGet();
            } catch (IOException e) {
                // closed: the loop ends; any other failure of one accept: the next one
            }
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** @return the connections accepted so far */
    int accepts() {
        return accepts.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
