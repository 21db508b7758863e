package org.sockd.core.internal.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real UDP socket on a loopback address for the relay tests: a client, a target or a stranger.
 * An echo peer sends every datagram back to where it came from, on a virtual thread, and
 * remembers the last sender.
 */
final class UdpPeer implements AutoCloseable {

    /** How long a test waits for a datagram that should come. */
    static final Duration WAIT = Duration.ofSeconds(3);
    /** How long a test waits to be sure a datagram does not come. */
    static final Duration QUIET = Duration.ofMillis(300);

    record Received(byte[] data, InetSocketAddress source) {
    }

    private final DatagramChannel channel;
    private final AtomicInteger echoed = new AtomicInteger();
    private volatile InetSocketAddress lastSender;
    private Thread echo;

    private UdpPeer(DatagramChannel channel) {
        this.channel = channel;
    }

    static UdpPeer on(String address) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
        return new UdpPeer(channel);
    }

    static UdpPeer echo(String address) throws IOException {
        UdpPeer peer = on(address);
        peer.echo = Thread.ofVirtual().name("udp-echo").start(peer::echoAll);
        return peer;
    }

    static boolean ipv6Loopback() {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    void send(byte[] data, InetSocketAddress to) throws IOException {
        channel.send(ByteBuffer.wrap(data), to);
    }

    /** @return the next datagram, or empty when none comes within {@code wait} */
    Optional<Received> receive(Duration wait) throws IOException {
        byte[] buffer = new byte[65_536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        channel.socket().setSoTimeout((int) wait.toMillis());
        try {
            channel.socket().receive(packet);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        return Optional.of(new Received(Arrays.copyOf(buffer, packet.getLength()),
                (InetSocketAddress) packet.getSocketAddress()));
    }

    /** @return how many datagrams the echo has sent back (or is sending) */
    int echoed() {
        return echoed.get();
    }

    /** @return where the echo's last datagram came from */
    InetSocketAddress lastSender() {
        return lastSender;
    }

    private void echoAll() {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        try {
            while (true) {
                buffer.clear();
                InetSocketAddress sender = (InetSocketAddress) channel.receive(buffer);
                lastSender = sender;
                buffer.flip();
                // counted before it leaves: a test that has its echo in hand must see the count
                echoed.incrementAndGet();
                channel.send(buffer, sender);
            }
        } catch (IOException e) {
            // closed at the end of the test
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        if (echo != null) {
            try {
                echo.join(WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
