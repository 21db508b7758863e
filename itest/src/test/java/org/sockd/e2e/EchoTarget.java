package org.sockd.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A loopback echo server, and the SOCKS 5 CONNECT request that reaches it. */
final class EchoTarget implements AutoCloseable {

    private final ServerSocket server;

    EchoTarget() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Socket socket = server.accept();
                    Thread.ofVirtual().start(() -> echo(socket));
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    /** {@code 05 01 00 01 127.0.0.1 port}: CONNECT to this server by IPv4 address. */
    byte[] socks5ConnectRequest() {
        return new byte[] {5, 1, 0, 1, 127, 0, 0, 1, (byte) (port() >> 8), (byte) port()};
    }

    private static void echo(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
