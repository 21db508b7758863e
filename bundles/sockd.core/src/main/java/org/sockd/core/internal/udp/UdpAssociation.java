package org.sockd.core.internal.udp;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.protocol.DatagramCodec;
import org.sockd.api.protocol.DecodedDatagram;
import org.sockd.common.io.Closing;

/**
 * The UDP relay of one UDP ASSOCIATE (RFC 1928 sections 6-7): a client-facing socket that takes
 * datagrams from the client only, decodes their header, asks the gate and sends the payload on;
 * and sockets towards targets whose answers go back to the client, wrapped in a header, only from
 * targets the client has sent to. Blocking channels on virtual threads; closing a channel ends its
 * blocked receive. Drops are counted, never logged one by one.
 */
public final class UdpAssociation implements Closeable {

    /** Room for the largest SOCKS 5 header: RSV FRAG ATYP, a 255-byte name with its length, the port. */
    static final int HEADER_ROOM = 262;
    /** The reason {@link DatagramCodec#decode} gives for a fragment (FRAG != 0). */
    static final String FRAGMENT = "fragment";

    private static final Logger LOG = LoggerFactory.getLogger(UdpAssociation.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);

    private final DatagramChannel clientChannel;
    private final InetSocketAddress relayAddress;
    private final InetAddress expectedClient;
    private final DatagramCodec codec;
    private final UdpLimits limits;
    private final UdpPeers peers;
    private final UdpRemotes remotes = new UdpRemotes(channel -> spawn("target", () -> relayFromTargets(channel)));
    private final UdpTally tally = new UdpTally();
    private final UdpIdle idle;
    private final UdpOutbound outbound;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Object lock = new Object();
    /** The client's address and port; the port is learnt from its first datagram when it did not say. */
    private volatile InetSocketAddress client;
    private volatile boolean idleExpired;
    private volatile Thread idleWatch;
    private boolean started;
    private boolean closed;

    private UdpAssociation(DatagramChannel clientChannel, InetAddress expectedClient, int expectedPort,
            DatagramCodec codec, UdpGate gate, UdpLimits limits, LongSupplier nanoClock) throws IOException {
        this.clientChannel = clientChannel;
        this.relayAddress = (InetSocketAddress) clientChannel.getLocalAddress();
        this.expectedClient = expectedClient;
        this.client = expectedPort == 0 ? null : new InetSocketAddress(expectedClient, expectedPort);
        this.codec = codec;
        this.limits = limits;
        this.peers = new UdpPeers(limits.maxPeers());
        this.idle = new UdpIdle(nanoClock, limits.idleTimeoutMillis());
        this.outbound = new UdpOutbound(new UdpDecisions(gate, limits.decisionTtlMillis(), nanoClock), limits, peers, remotes,
                tally, idle);
    }

    /**
     * Opens the client-facing socket on a free port of {@code clientFacing} in {@code ports};
     * nothing is relayed before {@link #start}.
     *
     * @param clientFacing the local address the client reaches the relay at: the control
     *        connection's local address, so that the reply announces an address the client can use
     * @param ports the ports the client-facing socket may bind (the listener's advertise.udp.ports)
     * @param expectedClient the address the control connection came from; datagrams from any other
     *        address are dropped
     * @param expectedPort the DST.PORT of the request; 0 locks to the port of the client's first
     *        well-formed datagram
     * @throws java.net.BindException when every port of {@code ports} is in use
     * @throws IOException when the socket cannot be opened or bound
     */
    public static UdpAssociation open(InetAddress clientFacing, UdpPortRange ports, InetAddress expectedClient,
            int expectedPort, DatagramCodec codec, UdpGate gate, UdpLimits limits) throws IOException {
        return open(clientFacing, ports, expectedClient, expectedPort, codec, gate, limits, System::nanoTime);
    }

    /** @param nanoClock what the idle timeout and the decisions' lifetime are measured with; tests move it on */
    static UdpAssociation open(InetAddress clientFacing, UdpPortRange ports, InetAddress expectedClient,
            int expectedPort, DatagramCodec codec, UdpGate gate, UdpLimits limits, LongSupplier nanoClock)
            throws IOException {
        if (expectedPort < 0 || expectedPort > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + expectedPort);
        }
        DatagramChannel channel = DatagramChannel.open(clientFacing instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            ports.bind(channel, clientFacing);
            return new UdpAssociation(channel, expectedClient, expectedPort, codec, gate, limits, nanoClock);
        } catch (IOException | RuntimeException e) {
            Closing.quietly(channel);
            throw e;
        }
    }

    /** @return where the client sends its datagrams: BND.ADDR and BND.PORT of the reply */
    public InetSocketAddress relayAddress() {
        return relayAddress;
    }

    /** Starts relaying on virtual threads until {@link #close} or the idle timeout; returns at once. */
    public void start() {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("UDP association " + relayAddress + " already started");
            }
            started = true;
        }
        idle.relayed();
        spawn("client", this::relayFromClient);
        idleWatch = spawn("idle", this::watchIdle);
    }

    /** @return true when the association has ended (closed or idle) within {@code millis} */
    public boolean awaitEnd(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    /** @return true when the association ended itself after {@link UdpLimits#idleTimeoutMillis()} without traffic */
    boolean idleExpired() {
        return idleExpired;
    }

    /** @return what was relayed and dropped so far */
    public UdpCounters counters() {
        return tally.snapshot();
    }

    /** @return how long the association may stay silent from now before it ends itself */
    Duration idleLeft() {
        return idle.left();
    }

    /** Closes every socket and waits up to a second for the relay threads to end; idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        remotes.close();
        Closing.quietly(clientChannel);
        Thread self = Thread.currentThread();
        // Closing the channels ends every blocked receive; only the waits need an interrupt.
        outbound.decisions().interruptWait(self);
        Thread watch = idleWatch;
        if (watch != null && watch != self) {
            watch.interrupt();
        }
        try {
            long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            for (Thread thread : threads) {
                if (thread != self) {
                    thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended.countDown();
        }
    }

    private Thread spawn(String role, Runnable body) {
        synchronized (lock) {
            if (closed) {
                return null;
            }
            Thread thread = Thread.ofVirtual().name("sockd-udp-" + relayAddress.getPort() + "-" + role).start(body);
            threads.add(thread);
            return thread;
        }
    }

    private void relayFromClient() {
        // One byte more than the largest header and payload: a datagram cut to fit then always
        // decodes to a payload past the limit, and is dropped as oversize.
        ByteBuffer buffer = ByteBuffer.allocateDirect(limits.maxDatagram() + HEADER_ROOM + 1);
        try {
            while (true) {
                buffer.clear();
                InetSocketAddress source = (InetSocketAddress) clientChannel.receive(buffer);
                buffer.flip();
                if (!isClient(source)) {
                    tally.dropped(UdpTally.Drop.NOT_FROM_CLIENT);
                } else {
                    switch (codec.decode(buffer)) {
                        case DecodedDatagram.Dropped dropped -> tally.dropped(
                                FRAGMENT.equals(dropped.reason()) ? UdpTally.Drop.FRAGMENT : UdpTally.Drop.MALFORMED);
                        case DecodedDatagram.Datagram datagram -> {
                            learn(source);
                            outbound.send(datagram);
                        }
                    }
                }
            }
        } catch (ClosedChannelException | InterruptedException e) {
            // closed: the association is ending
        } catch (IOException | RuntimeException e) {
            LOG.warn("UDP association {} ended by a failure on the client side", relayAddress, e);
        } finally {
            close();
        }
    }

    private boolean isClient(InetSocketAddress source) {
        InetSocketAddress known = client;
        return known != null ? known.equals(source) : expectedClient.equals(source.getAddress());
    }

    private void learn(InetSocketAddress source) {
        if (client == null) {
            client = source;
        }
    }

    private void relayFromTargets(DatagramChannel channel) {
        // One byte more than the limit, so that a larger datagram shows as cut and is dropped.
        ByteBuffer buffer = ByteBuffer.allocateDirect(limits.maxDatagram() + 1);
        try {
            while (true) {
                buffer.clear();
                InetSocketAddress source = (InetSocketAddress) channel.receive(buffer);
                buffer.flip();
                InetSocketAddress to = client;
                if (to == null || !peers.knows(source)) {
                    tally.dropped(UdpTally.Drop.NOT_FROM_PEER);
                } else if (buffer.remaining() > limits.maxDatagram()) {
                    tally.dropped(UdpTally.Drop.OVERSIZE);
                } else {
                    int size = buffer.remaining();
                    try {
                        clientChannel.send(codec.encode(source, buffer), to);
                        tally.fromTarget(size);
                        idle.relayed();
                    } catch (ClosedChannelException e) {
                        throw e;
                    } catch (IOException e) {
                        tally.dropped(UdpTally.Drop.SEND_FAILED);
                    }
                }
            }
        } catch (ClosedChannelException e) {
            // closed: the association is ending
        } catch (IOException | RuntimeException e) {
            LOG.warn("UDP association {} ended by a failure on the target side", relayAddress, e);
        } finally {
            close();
        }
    }

    private void watchIdle() {
        try {
            idle.awaitSilence();
        } catch (InterruptedException e) {
            return; // closed by someone else
        }
        idleExpired = true;
        close();
    }
}
