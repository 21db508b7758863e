package org.sockd.e2e;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A UDP target that sends every datagram back to its sender and remembers what it received. */
final class UdpEcho implements AutoCloseable {

    private final DatagramSocket socket;
    private final List<byte[]> received = new CopyOnWriteArrayList<>();

    /** @param address the loopback address to listen on (127.0.0.1, 127.0.0.2, ::1) */
    UdpEcho(String address) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
        Thread.ofVirtual().start(this::echoLoop);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** @return the payloads received so far, in order */
    List<byte[]> received() {
        return List.copyOf(received);
    }

    /** @return the payloads received so far as text, for assertions on small text datagrams */
    List<String> receivedText() {
        return received.stream().map(String::new).toList();
    }

    private void echoLoop() {
        DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
        try {
            while (true) {
                packet.setLength(65_536);
                socket.receive(packet);
                received.add(Arrays.copyOf(packet.getData(), packet.getLength()));
                socket.send(new DatagramPacket(packet.getData(), packet.getLength(), packet.getSocketAddress()));
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
