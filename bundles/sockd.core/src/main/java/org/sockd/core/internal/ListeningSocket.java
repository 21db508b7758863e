package org.sockd.core.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.common.io.Closing;
import org.sockd.common.net.AcceptLoop;
import org.sockd.common.net.AddressText;

/** A listening socket and its accept loop; closed while the node drains and bound again at the same address after. */
final class ListeningSocket implements Drain.Gate {

    private static final Logger LOG = LoggerFactory.getLogger(ListeningSocket.class);

    private final InetSocketAddress address;
    private final int backlog;
    private final Consumer<SocketChannel> handOff;
    private ServerSocketChannel server; // guarded by this, like acceptor
    private Thread acceptor;

    /** Accepts on {@code server}, which is bound already (the address it got, for port 0, is kept). */
    ListeningSocket(ServerSocketChannel server, int backlog, Consumer<SocketChannel> handOff) throws IOException {
        this.address = (InetSocketAddress) server.getLocalAddress();
        this.backlog = backlog;
        this.handOff = handOff;
        accept(server);
    }

    static ServerSocketChannel bind(InetSocketAddress wanted, int backlog) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(wanted, backlog);
        } catch (IOException e) {
            server.close();
            LOG.error("error -- main bind() {} on {}", e.getMessage(), AddressText.of(wanted));
            throw e;
        }
        return server;
    }

    InetSocketAddress address() {
        return address;
    }

    private synchronized void accept(ServerSocketChannel bound) {
        this.server = bound;
        // out of descriptors or threads, the loop backs off for a second and keeps serving the others
        this.acceptor = new AcceptLoop(bound, handOff, LOG, "main accept()", Duration.ofSeconds(1))
                .start("sockd-accept-" + AddressText.of(address));
    }

    @Override
    public synchronized void close() {
        Closing.quietly(server);
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void open() throws IOException {
        if (!server.isOpen()) {
            accept(bind(address, backlog));
        }
    }

    @Override
    public String toString() {
        return AddressText.of(address);
    }
}
