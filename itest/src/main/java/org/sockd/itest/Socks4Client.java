package org.sockd.itest;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Just enough SOCKS 4 to see the reply code the daemon sends, written out byte by byte. Public for
 * the end-to-end tests, which share it.
 */
public final class Socks4Client {

    private Socks4Client() {
    }

    /**
     * Sends a CONNECT for an IPv4 target claiming {@code user} and closes the connection.
     *
     * @param readTimeoutMillis how long to wait for the reply
     * @return the reply code (CD byte), e.g. 90 for granted
     */
    static int connect(InetSocketAddress proxy, InetSocketAddress target, String user, int readTimeoutMillis)
            throws IOException {
        try (Socket socket = new Socket()) {
            return request(socket, proxy, target, user, readTimeoutMillis);
        }
    }

    /**
     * Sends a CONNECT for an IPv4 target claiming {@code user} and keeps the connection for the relay.
     *
     * @param readTimeoutMillis how long to wait for the reply, and for each read after it
     * @return the connection, its reply read
     * @throws IOException when the reply is not 90 (granted)
     */
    public static Socket granted(InetSocketAddress proxy, InetSocketAddress target, String user, int readTimeoutMillis)
            throws IOException {
        Socket socket = new Socket();
        try {
            int reply = request(socket, proxy, target, user, readTimeoutMillis);
            if (reply != 90) {
                throw new IOException("the daemon replied " + reply + ", not 90 (granted)");
            }
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static int request(Socket socket, InetSocketAddress proxy, InetSocketAddress target, String user,
            int readTimeoutMillis) throws IOException {
        socket.setSoTimeout(readTimeoutMillis);
        socket.connect(proxy, 5000);
        byte[] address = target.getAddress().getAddress();
        OutputStream out = socket.getOutputStream();
        out.write(new byte[] {4, 1, (byte) (target.getPort() >> 8), (byte) target.getPort(),
            address[0], address[1], address[2], address[3]});
        out.write((user + "\0").getBytes(StandardCharsets.ISO_8859_1));
        return new DataInputStream(socket.getInputStream()).readNBytes(8)[1] & 0xff;
    }
}
