package org.sockd.e2e;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;

/** A SOCKS 5 CONNECT (no authentication, IPv4 target) written out byte by byte, and echo round trips over it. */
final class Socks5Connect implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final int reply;

    private Socks5Connect(Socket socket, int reply) {
        this.socket = socket;
        this.reply = reply;
    }

    /** Connects through the proxy; the caller reads {@link #reply()} and closes. */
    static Socks5Connect open(InetSocketAddress proxy, InetSocketAddress target) throws IOException {
        if (!(target.getAddress() instanceof Inet4Address)) {
            throw new IllegalArgumentException("IPv4 targets only: " + target);
        }
        Socket socket = new Socket();
        try {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(proxy, TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(new byte[] {5, 1, 0});
            byte[] method = new byte[2];
            in.readFully(method);
            if (method[0] != 5 || method[1] != 0) {
                throw new IOException("unexpected method reply " + Arrays.toString(method));
            }
            byte[] address = target.getAddress().getAddress();
            out.write(new byte[] {5, 1, 0, 1, address[0], address[1], address[2], address[3],
                (byte) (target.getPort() >> 8), (byte) target.getPort()});
            byte[] answer = new byte[10];
            in.readFully(answer);
            return new Socks5Connect(socket, answer[1] & 0xff);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** @return the REP field: 0 granted, 2 not allowed by the rules, ... */
    int reply() {
        return reply;
    }

    /** Sends the bytes to the echo target behind the proxy and checks that the same bytes come back. */
    void roundTrip(byte[] data) throws IOException {
        socket.getOutputStream().write(data);
        byte[] back = new DataInputStream(socket.getInputStream()).readNBytes(data.length);
        if (!Arrays.equals(back, data)) {
            throw new IOException("echo returned " + back.length + " bytes, not the " + data.length + " sent");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
