package org.sockd.itest;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Just enough SOCKS 5 to see the reply code the daemon sends, written out byte by byte. */
final class Socks5Client {

    private Socks5Client() {
    }

    /**
     * Sends a no-authentication CONNECT for an IPv4 target.
     *
     * @return the open socket, positioned after the reply; the reply code is {@link Connection#reply()}
     */
    static Connection connect(InetSocketAddress proxy, InetSocketAddress target) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout(5000);
        socket.connect(proxy, 5000);
        OutputStream out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        out.write(new byte[] {5, 1, 0});
        byte[] method = new byte[2];
        in.readFully(method);
        if (method[0] != 5 || method[1] != 0) {
            throw new IOException("unexpected method reply " + method[0] + " " + method[1]);
        }
        byte[] address = target.getAddress().getAddress();
        out.write(new byte[] {5, 1, 0, 1, address[0], address[1], address[2], address[3],
            (byte) (target.getPort() >> 8), (byte) target.getPort()});
        byte[] reply = new byte[10];
        in.readFully(reply);
        return new Connection(socket, reply[1] & 0xff);
    }

    /**
     * Offers "no authentication" and username/password, and answers the method the daemon picks.
     *
     * @return the method the daemon chose, and when it chose username/password whether it accepted
     *         the credentials; then, if it did, the reply to a CONNECT to {@code target}
     */
    static Login login(InetSocketAddress proxy, InetSocketAddress target, String user, String password) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(5000);
            socket.connect(proxy, 5000);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(new byte[] {5, 2, 0, 2});
            byte[] method = new byte[2];
            in.readFully(method);
            int chosen = method[1] & 0xff;
            if (chosen == 2) {
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
            } else if (chosen != 0) {
                return new Login(chosen, false, -1);
            }
            byte[] address = target.getAddress().getAddress();
            out.write(new byte[] {5, 1, 0, 1, address[0], address[1], address[2], address[3],
                (byte) (target.getPort() >> 8), (byte) target.getPort()});
            byte[] reply = new byte[10];
            in.readFully(reply);
            return new Login(chosen, true, reply[1] & 0xff);
        }
    }

    /**
     * @param method the method the daemon chose (0xFF: none acceptable)
     * @param passed whether the client got past the method stage
     * @param reply the REP byte of the CONNECT reply, or -1 when there was none
     */
    record Login(int method, boolean passed, int reply) {
    }

    /**
     * @param socket the connection to the daemon
     * @param reply the REP byte of the reply
     */
    record Connection(Socket socket, int reply) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
