package org.sockd.core.internal.udp;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.sockd.common.io.Closing;

/**
 * The sockets of one association towards targets: one per local address the gate chooses (the
 * wildcard included), opened on first use on an ephemeral port. Each new socket is handed to a
 * receiver, which reads from it until it is closed.
 */
final class UdpRemotes implements AutoCloseable {

    private final Consumer<DatagramChannel> receiver;
    private final Map<Optional<InetAddress>, DatagramChannel> byLocalAddress = new HashMap<>();
    private boolean closed;

    UdpRemotes(Consumer<DatagramChannel> receiver) {
        this.receiver = receiver;
    }

    /**
     * @param localAddress the address to send from, or {@code null} for the wildcard (a dual-stack
     *        socket where the system has IPv6, so it reaches either family)
     * @throws ClosedChannelException when the association has been closed
     * @throws IOException when no socket can be bound to that address
     */
    synchronized DatagramChannel channelFor(InetAddress localAddress) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        Optional<InetAddress> key = Optional.ofNullable(localAddress);
        DatagramChannel channel = byLocalAddress.get(key);
        if (channel == null) {
            channel = open(localAddress);
            byLocalAddress.put(key, channel);
            receiver.accept(channel);
        }
        return channel;
    }

    synchronized int size() {
        return byLocalAddress.size();
    }

    /** Closes every socket, which ends each blocked receive; later calls to {@link #channelFor} fail. */
    @Override
    public void close() {
        List<DatagramChannel> open;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(byLocalAddress.values());
        }
        open.forEach(Closing::quietly);
    }

    private static DatagramChannel open(InetAddress localAddress) throws IOException {
        DatagramChannel channel = localAddress == null ? DatagramChannel.open()
                : DatagramChannel.open(localAddress instanceof Inet6Address ? StandardProtocolFamily.INET6
                        : StandardProtocolFamily.INET);
        try {
            channel.bind(localAddress == null ? null : new InetSocketAddress(localAddress, 0));
            return channel;
        } catch (IOException | RuntimeException e) {
            Closing.quietly(channel);
            throw e;
        }
    }
}
