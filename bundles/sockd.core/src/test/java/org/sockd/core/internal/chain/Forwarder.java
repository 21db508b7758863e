package org.sockd.core.internal.chain;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A minimal real SOCKS 5 server on 127.0.0.1 (no login, IPv4 only): CONNECT connects and relays,
 * BIND listens on 127.0.0.1, sends both replies and relays. One connection is all a test needs.
 */
final class Forwarder implements AutoCloseable {

    private final ServerSocketChannel server;
    private final Opened opened = new Opened();

    Forwarder() throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        opened.add(server);
        Thread.ofVirtual().start(this::serveOne);
    }

    int port() {
        return server.socket().getLocalPort();
    }

    private void serveOne() {
        try {
            SocketChannel client = server.accept();
            opened.add(client);
            Socket socket = client.socket();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            in.readNBytes(3);
            out.write(new byte[] {5, 0});
            byte[] head = in.readNBytes(4);
            InetSocketAddress destination = new InetSocketAddress(InetAddress.getByAddress(in.readNBytes(4)),
                    in.readUnsignedShort());
            SocketChannel target = head[1] == 2 ? bind(out) : SocketChannel.open(destination);
            opened.add(target);
            reply(out, head[1] == 2 ? (InetSocketAddress) target.getRemoteAddress()
                    : (InetSocketAddress) target.getLocalAddress());
            relay(client, target);
        } catch (IOException e) {
            // closed by the test
        }
    }

    /** Listens, tells the client where, and takes the one connection that comes in. */
    private SocketChannel bind(OutputStream out) throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0), 1)) {
            opened.add(listener);
            reply(out, (InetSocketAddress) listener.getLocalAddress());
            return listener.accept();
        }
    }

    private static void reply(OutputStream out, InetSocketAddress address) throws IOException {
        out.write(ByteBuffer.allocate(10).put(new byte[] {5, 0, 0, 1}).put(address.getAddress().getAddress())
                .putShort((short) address.getPort()).array());
        out.flush();
    }

    private static void relay(SocketChannel a, SocketChannel b) {
        Thread.ofVirtual().start(() -> copy(a, b));
        copy(b, a);
    }

    /** Copies until the end of stream, then passes the end on (half-close). */
    private static void copy(SocketChannel from, SocketChannel to) {
        try {
            InputStream in = from.socket().getInputStream();
            in.transferTo(to.socket().getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // one side went away: the test sees it
        }
    }

    @Override
    public void close() throws Exception {
        opened.close();
    }
}
