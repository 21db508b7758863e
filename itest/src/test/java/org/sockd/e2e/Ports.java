package org.sockd.e2e;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback ports for the programs the tests start and tell a port number (the daemon, rsyslogd).
 * A port the system hands out for port 0 could be taken by any other process between the test's
 * choice and the program's bind; these come from below the system's ephemeral range, where port 0
 * binds and outgoing connections never land, each one only once per run.
 */
final class Ports {

    private static final int LOWEST = 20_000;
    private static final AtomicInteger NEXT = new AtomicInteger(LOWEST + ThreadLocalRandom.current().nextInt(5_000));

    private Ports() {
    }

    /** @return a TCP port no one listens on at 127.0.0.1 */
    static int tcp() throws IOException {
        return unused(port -> new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close());
    }

    /** @return a UDP port no one has bound at 127.0.0.1 */
    static int udp() throws IOException {
        return unused(port -> new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).close());
    }

    /** @return the first of two adjacent UDP ports no one has bound at 127.0.0.1 */
    static int udpPair() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int first = udp();
            // the ports are handed out in order: the next one is adjacent unless taken or wrapped round
            if (udp() == first + 1) {
                return first;
            }
        }
        throw new IOException("no two adjacent unused UDP ports at 127.0.0.1 in 20 tries");
    }

    private interface Probe {
        void bind(int port) throws IOException;
    }

    private static int unused(Probe probe) throws IOException {
        int ephemeral = lowestEphemeral();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = NEXT.getAndIncrement();
            if (port >= ephemeral) {
                NEXT.set(LOWEST);
                continue;
            }
            try {
                probe.bind(port);
                return port;
            } catch (IOException taken) {
                // a program of this machine's own listens there: the next one
            }
        }
        throw new IOException("no unused loopback port below " + ephemeral + " in 100 tries");
    }

    /** The start of Linux's ephemeral range (32768 by default). */
    private static int lowestEphemeral() throws IOException {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        // read line by line: /proc reports a size of 0, and a read sized by it stops short
        return Files.exists(range) ? Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0]) : 32_768;
    }
}
