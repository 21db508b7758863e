package org.sockd.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A target that sends back every byte it receives, on a loopback address of the test's choosing. */
final class EchoTarget implements AutoCloseable {

    private final ServerSocket server;

    /** @param address a loopback address, such as 127.0.0.2, so that rules can tell targets apart */
    EchoTarget(String address) throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getByName(address));
        Thread.ofVirtual().start(this::acceptLoop);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> echo(socket));
            }
        } catch (IOException closed) {
            // the test is over
        }
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
