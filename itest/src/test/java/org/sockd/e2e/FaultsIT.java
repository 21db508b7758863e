package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sockd.itest.EchoServer;

/**
 * Faults of the peers that must stay with the session they hit: a target that stops reading, a
 * target that dies mid-transfer, and a crowd of handshakes that never finish.
 */
class FaultsIT {

    private static final int MiB = 1024 * 1024;
    private static final InetAddress CROWD = Sockets.address("127.0.0.2");
    private static final InetAddress OTHER = Sockets.address("127.0.0.3");
    /** Bytes whose every position is checked: a lost or repeated chunk shifts them. */
    private static final byte[] PATTERN = new byte[64 * MiB];

    static {
        for (int i = 0; i < PATTERN.length; i++) {
            PATTERN[i] = (byte) (i * 31 + (i >>> 16));
        }
    }

    @AutoClose
    private static Daemon daemon;

    @BeforeAll
    static void start() throws Exception {
        daemon = Daemon.start("permit 127.0.0.0 255.0.0.0\n");
    }

    @Test
    void targetsThatStopReadingHoldTheClientsBackInsteadOfTheDaemonsMemory() throws Exception {
        // more per session than the kernel's socket buffers on the way can take, so every client blocks
        int sessions = 8;
        int each = PATTERN.length;
        try (ServerSocket target = new ServerSocket(0, sessions, InetAddress.getLoopbackAddress())) {
            List<Socket> stalled = new CopyOnWriteArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (stalled.size() < sessions) {
                        stalled.add(target.accept()); // and never read
                    }
                } catch (IOException e) {
                    // the test ended
                }
            });
            relayOnce(); // the relay's code is loaded and warm before the first reading
            long before = residentKib();
            List<Socket> clients = new ArrayList<>();
            AtomicLong written = new AtomicLong();
            List<Thread> writers = new ArrayList<>();
            try {
                for (int i = 0; i < sessions; i++) {
                    Socket client = socks5(null, target.getLocalPort());
                    clients.add(client);
                    writers.add(Thread.ofVirtual().start(() -> pushUntilClosed(client, each, written)));
                }
                awaitStill(written, 30);
                long grown = residentKib() - before;

                assertThat(writers).as("clients still blocked in a write").allMatch(Thread::isAlive);
                // without back-pressure the daemon would hold what the kernel did not: hundreds of MiB
                assertThat(grown).as("KiB the daemon grew while %d targets read nothing (%d MiB written)",
                        sessions, written.get() / MiB).isLessThan(64 * 1024);

                // the targets wake up: every byte still arrives, in order
                Socket first = stalled.getFirst();
                byte[] got = new DataInputStream(first.getInputStream()).readNBytes(each);
                assertThat(got).hasSize(each);
                assertThat(Arrays.mismatch(got, PATTERN)).as("first wrong byte").isEqualTo(-1);
            } finally {
                for (Socket client : clients) {
                    client.close();
                }
                for (Socket socket : stalled) {
                    socket.close();
                }
                acceptor.interrupt();
            }
            for (Thread writer : writers) {
                writer.join(10_000);
            }
        }
    }

    @Test
    void aTargetKilledMidTransferEndsOnlyItsOwnSession() throws Exception {
        try (ServerSocket dying = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket living = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int size = 64 * MiB;
            Thread killedServer = Thread.ofVirtual().start(() -> serveThenReset(dying, 4 * MiB));
            Thread fullServer = Thread.ofVirtual().start(() -> serveAll(living, size));
            try (Socket victim = socks5(null, dying.getLocalPort()); Socket survivor = socks5(null, living.getLocalPort())) {
                DataInputStream survivorIn = new DataInputStream(survivor.getInputStream());
                byte[] head = survivorIn.readNBytes(MiB);

                long victimGot = drain(victim);
                assertThat(victimGot).as("bytes before the target's reset").isLessThanOrEqualTo(4L * MiB);
                daemon.awaitLine(line -> line.contains("ended --") && line.contains(":" + dying.getLocalPort())
                        && (line.contains("reset") || line.contains("error")), 10);

                byte[] rest = survivorIn.readNBytes(size - MiB);
                byte[] all = new byte[size];
                System.arraycopy(head, 0, all, 0, head.length);
                System.arraycopy(rest, 0, all, head.length, rest.length);
                assertThat(Arrays.mismatch(all, 0, size, PATTERN, 0, size)).as("first wrong byte of the surviving session").isEqualTo(-1);
            }
            killedServer.join(10_000);
            fullServer.join(10_000);
        }
    }

    @Test
    void handshakesThatNeverFinishFromOneAddressDoNotDelayAnother() throws Exception {
        int crowd = 2_000;
        List<Socket> halfOpen = new ArrayList<>();
        try (EchoServer echo = new EchoServer()) {
            try {
                for (int i = 0; i < crowd; i++) {
                    Socket socket = new Socket();
                    halfOpen.add(socket);
                    socket.bind(new InetSocketAddress(CROWD, 0));
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), daemon.port()), 5_000);
                    try {
                        socket.getOutputStream().write(5); // a version byte, and then nothing
                    } catch (IOException e) {
                        // closed at accept by a limit per client address: one way not to be delayed
                    }
                }
                long slowest = 0;
                for (int i = 0; i < 50; i++) {
                    long start = System.nanoTime();
                    try (Socket client = socks5(OTHER, echo.address().getPort())) {
                        client.getOutputStream().write("ping".getBytes());
                        assertThat(new DataInputStream(client.getInputStream()).readNBytes(4)).isEqualTo("ping".getBytes());
                    }
                    slowest = Math.max(slowest, System.nanoTime() - start);
                }
                // the handshake timeout is 30 s: a daemon that served the crowd first would take that long
                assertThat(slowest / 1_000_000).as("ms of the slowest request from %s", OTHER.getHostAddress())
                        .isLessThan(2_000);
            } finally {
                for (Socket socket : halfOpen) {
                    socket.close();
                }
            }
        }
    }

    /** One short session, so that the daemon's relay is compiled and its pools made before a memory reading. */
    private static void relayOnce() throws Exception {
        try (EchoServer echo = new EchoServer(); Socket client = socks5(null, echo.address().getPort())) {
            byte[] data = Arrays.copyOf(PATTERN, 2 * MiB);
            Thread writer = Thread.ofVirtual().start(() -> Sockets.write(client, data));
            assertThat(new DataInputStream(client.getInputStream()).readNBytes(data.length)).isEqualTo(data);
            writer.join();
        }
    }

    private static void pushUntilClosed(Socket client, int size, AtomicLong written) {
        byte[] data = PATTERN;
        try {
            OutputStream out = client.getOutputStream();
            for (int at = 0; at < size; at += 64 * 1024) {
                int n = Math.min(64 * 1024, size - at);
                out.write(data, at, n);
                written.addAndGet(n);
            }
        } catch (IOException e) {
            // closed by the test at its end
        }
    }

    /** Waits until the total written stops growing for a second. */
    private static void awaitStill(AtomicLong written, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = written.get();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(1_000);
        }
        throw new AssertionError("the clients were never held back: " + written.get() + " bytes written");
    }

    private static long residentKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(daemon.process().pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new AssertionError("no VmRSS for the daemon");
    }

    private static void serveThenReset(ServerSocket server, int before) {
        try (Socket peer = server.accept()) {
            peer.getOutputStream().write(PATTERN, 0, before);
            peer.setSoLinger(true, 0); // closing now sends a reset: the target died
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void serveAll(ServerSocket server, int size) {
        try (Socket peer = server.accept()) {
            peer.getOutputStream().write(PATTERN, 0, size);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long drain(Socket socket) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = socket.getInputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        } catch (IOException e) {
            // the reset came through
        }
        return total;
    }

    /** A SOCKS 5 CONNECT to 127.0.0.1:port, from {@code from} (or any local address). */
    private static Socket socks5(InetAddress from, int port) throws IOException {
        Socket socket = new Socket();
        if (from != null) {
            socket.bind(new InetSocketAddress(from, 0));
        }
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), daemon.port()), 5_000);
        socket.setSoTimeout(20_000);
        socket.getOutputStream().write(new byte[] {5, 1, 0, 5, 1, 0, 1, 127, 0, 0, 1, (byte) (port >> 8), (byte) port});
        byte[] replies = new DataInputStream(socket.getInputStream()).readNBytes(12);
        assertThat(replies[1]).as("method").isZero();
        assertThat(replies[3]).as("REP").isZero();
        return socket;
    }
}
