package org.sockd.itest;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Just enough SOCKS 5 to see the reply code the daemon sends, written out byte by byte. Public for
 * the end-to-end tests, which share it.
 */
public final class Socks5Client {

    private static final int TIMEOUT_MILLIS = 10_000;
    private static final byte NO_AUTHENTICATION = 0;
    private static final byte USERNAME_PASSWORD = 2;

    private Socks5Client() {
    }

    /**
     * Sends a no-authentication CONNECT for an IPv4 target.
     *
     * @return the open socket, positioned after the reply; the reply code is {@link Connection#reply()}
     */
    public static Connection connect(InetSocketAddress proxy, InetSocketAddress target) throws IOException {
        return connectFrom(null, proxy, target);
    }

    /**
     * As {@link #connect}, from a chosen local address, such as 127.0.0.2, so that the daemon sees
     * another client host.
     *
     * @param from the local address to bind, or {@code null} for the one the system picks
     */
    public static Connection connectFrom(InetAddress from, InetSocketAddress proxy, InetSocketAddress target)
            throws IOException {
        Socket socket = open(from, proxy);
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            socket.getOutputStream().write(new byte[] {5, 1, NO_AUTHENTICATION});
            byte[] method = new byte[2];
            in.readFully(method);
            if (method[0] != 5 || method[1] != NO_AUTHENTICATION) {
                throw new IOException("unexpected method reply " + Arrays.toString(method));
            }
            return new Connection(socket, request(socket, target));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Offers "no authentication" and username/password, and answers the method the daemon picks.
     *
     * @return the method the daemon chose, and when it chose username/password whether it accepted
     *         the credentials; then, if it did, the reply to a CONNECT to {@code target}
     */
    public static Login login(InetSocketAddress proxy, InetSocketAddress target, String user, String password)
            throws IOException {
        try (Socket socket = open(null, proxy)) {
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(new byte[] {5, 2, NO_AUTHENTICATION, USERNAME_PASSWORD});
            byte[] method = new byte[2];
            in.readFully(method);
            int chosen = method[1] & 0xff;
            if (chosen == USERNAME_PASSWORD) {
                byte[] name = user.getBytes(StandardCharsets.UTF_8);
                byte[] secret = password.getBytes(StandardCharsets.UTF_8);
                out.write(1);
                out.write(name.length);
                out.write(name);
                out.write(secret.length);
                out.write(secret);
                byte[] status = new byte[2];
                in.readFully(status);
                if (status[1] != 0) {
                    return new Login(chosen, false, -1);
                }
            } else if (chosen != NO_AUTHENTICATION) {
                return new Login(chosen, false, -1);
            }
            return new Login(chosen, true, request(socket, target));
        }
    }

    private static Socket open(InetAddress from, InetSocketAddress proxy) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(proxy, TIMEOUT_MILLIS);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends the CONNECT request and reads the reply; returns its REP byte. */
    private static int request(Socket socket, InetSocketAddress target) throws IOException {
        if (!(target.getAddress() instanceof Inet4Address)) {
            throw new IllegalArgumentException("IPv4 targets only: " + target);
        }
        byte[] address = target.getAddress().getAddress();
        socket.getOutputStream().write(new byte[] {5, 1, 0, 1, address[0], address[1], address[2], address[3],
            (byte) (target.getPort() >> 8), (byte) target.getPort()});
        byte[] reply = new byte[10];
        new DataInputStream(socket.getInputStream()).readFully(reply);
        return reply[1] & 0xff;
    }

    /**
     * @param method the method the daemon chose (0xFF: none acceptable)
     * @param passed whether the client got past the method stage
     * @param reply the REP byte of the CONNECT reply, or -1 when there was none
     */
    public record Login(int method, boolean passed, int reply) {
    }

    /**
     * @param socket the connection to the daemon
     * @param reply the REP byte of the reply: 0 granted, 2 not allowed by the rules, ...
     */
    public record Connection(Socket socket, int reply) implements AutoCloseable {

        /**
         * Sends the bytes to the echo target behind the proxy, from a thread of their own so that a
         * large amount cannot fill both directions at once, and checks that the same bytes come back.
         */
        public void roundTrip(byte[] data) throws IOException, InterruptedException {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    socket.getOutputStream().write(data);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] back = new DataInputStream(socket.getInputStream()).readNBytes(data.length);
            writer.join(TIMEOUT_MILLIS);
            if (!Arrays.equals(back, data)) {
                throw new IOException("echo returned " + back.length + " bytes, not the " + data.length + " sent");
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
