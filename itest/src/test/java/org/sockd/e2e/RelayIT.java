package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the relay of the built daemon promises: full duplex, half-close, exact byte counts. */
class RelayIT {

    @AutoClose
    private static Daemon daemon;

    @BeforeAll
    static void start() throws Exception {
        daemon = Daemon.start("permit 127.0.0.0 255.0.0.0\n");
    }

    @Test
    void aClientThatShutsDownItsSendingSideStillReceivesEverything() throws Exception {
        byte[] answer = Sockets.randomBytes(3 * 1024 * 1024, 7);
        try (ServerSocket target = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofVirtual().start(() -> {
                try (Socket peer = target.accept()) {
                    peer.getInputStream().readAllBytes(); // until the client's half-close arrives
                    peer.getOutputStream().write(answer);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Socket client = socks5(target.getLocalPort())) {
                client.getOutputStream().write("request".getBytes());
                client.shutdownOutput();
                byte[] received = client.getInputStream().readAllBytes();
                assertThat(MessageDigest.isEqual(received, answer)).as("all %d bytes arrive", answer.length).isTrue();
            }
            server.join(10_000);
        }
        daemon.awaitLine(line -> line.endsWith("7 bytes from localhost, " + (3 * 1024 * 1024) + " bytes from localhost"), 10);
    }

    @Test
    void bothDirectionsFlowAtOnceWithoutDeadlock() throws Exception {
        int size = 16 * 1024 * 1024;
        byte[] up = Sockets.randomBytes(size, 1);
        byte[] down = Sockets.randomBytes(size, 2);
        try (ServerSocket target = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofVirtual().start(() -> {
                try (Socket peer = target.accept()) {
                    // writes its whole answer before reading anything: only a full-duplex relay survives
                    Thread writer = Thread.ofVirtual().start(() -> Sockets.write(peer, down));
                    byte[] got = new DataInputStream(peer.getInputStream()).readNBytes(size);
                    writer.join();
                    assertThat(MessageDigest.isEqual(got, up)).isTrue();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Socket client = socks5(target.getLocalPort())) {
                Thread writer = Thread.ofVirtual().start(() -> Sockets.write(client, up));
                byte[] got = new DataInputStream(client.getInputStream()).readNBytes(size);
                writer.join();
                assertThat(MessageDigest.isEqual(got, down)).isTrue();
            }
            server.join(10_000);
        }
    }

    @Test
    void aHandshakeTrickledByteByByteWithDataRightAfterTheRequestLosesNothing() throws Exception {
        try (ServerSocket target = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), daemon.port())) {
            client.setSoTimeout(10_000);
            client.setTcpNoDelay(true);
            int port = target.getLocalPort();
            byte[] greeting = {5, 1, 0};
            byte[] requestAndData = new byte[10 + 100];
            System.arraycopy(new byte[] {5, 1, 0, 1, 127, 0, 0, 1, (byte) (port >> 8), (byte) port}, 0, requestAndData, 0, 10);
            byte[] data = Sockets.randomBytes(100, 3);
            System.arraycopy(data, 0, requestAndData, 10, 100);
            OutputStream out = client.getOutputStream();
            // the pauses are what this test is about: each byte a segment of its own, as a slow link sends it
            for (byte b : greeting) {
                out.write(b);
                Thread.sleep(5);
            }
            for (int i = 0; i < 9; i++) {
                out.write(requestAndData[i]);
                Thread.sleep(5);
            }
            // the last byte of the request and the first payload travel in one segment
            out.write(requestAndData, 9, requestAndData.length - 9);
            try (Socket peer = target.accept()) {
                byte[] got = new DataInputStream(peer.getInputStream()).readNBytes(100);
                assertThat(got).isEqualTo(data);
            }
            byte[] replies = new DataInputStream(client.getInputStream()).readNBytes(12);
            assertThat(replies[1]).as("method").isZero();
            assertThat(replies[3]).as("REP").isZero();
        }
    }

    private static Socket socks5(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), daemon.port());
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(new byte[] {5, 1, 0, 5, 1, 0, 1, 127, 0, 0, 1, (byte) (port >> 8), (byte) port});
        InputStream in = socket.getInputStream();
        byte[] replies = new DataInputStream(in).readNBytes(12);
        assertThat(replies[1]).as("method").isZero();
        assertThat(replies[3]).as("REP").isZero();
        return socket;
    }
}
