package org.sockd.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A loopback target that sends back every byte it receives, to any number of clients. Public for
 * the end-to-end tests, which share it.
 */
public final class EchoServer implements AutoCloseable {

    private final ServerSocket server;

    public EchoServer() throws IOException {
        this(InetAddress.getLoopbackAddress());
    }

    /** @param address a loopback address, such as 127.0.0.2, so that rules can tell targets apart */
    public EchoServer(InetAddress address) throws IOException {
        server = new ServerSocket(0, 200, address); // room for a test's bounded load arriving at once
        Thread.ofVirtual().start(this::acceptLoop);
    }

    public InetSocketAddress address() {
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
