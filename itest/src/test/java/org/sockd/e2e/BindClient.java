package org.sockd.e2e;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A hand-written SOCKS 4 or SOCKS 5 client of the built daemon, byte by byte as the protocols
 * say, for CONNECT and for the two replies of BIND.
 */
final class BindClient implements AutoCloseable {

    static final int SOCKS4 = 4;
    static final int SOCKS5 = 5;
    private static final int CONNECT = 1;
    private static final int BIND = 2;

    /**
     * One reply of the daemon.
     *
     * @param version 4 or 5
     * @param code SOCKS 4 CD (90 granted) or SOCKS 5 REP (0 succeeded)
     * @param address the address and port the reply carries
     */
    record Reply(int version, int code, InetSocketAddress address) {
        boolean granted() {
            return version == SOCKS4 ? code == 90 : code == 0;
        }

        @Override
        public String toString() {
            return "SOCKS " + version + (version == SOCKS4 ? " CD " : " REP ") + code + " " + address;
        }
    }

    private final int version;
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private BindClient(int version, Socket socket) throws IOException {
        this.version = version;
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to the daemon from the system's choice of local address. */
    static BindClient open(int version, InetSocketAddress daemon) throws IOException {
        return openFrom(version, null, daemon);
    }

    /** @param from the local address to connect from, such as 127.0.0.2, or {@code null} for the system's choice */
    static BindClient openFrom(int version, InetAddress from, InetSocketAddress daemon) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setSoTimeout(15_000);
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(daemon, 5000);
            return new BindClient(version, socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Sends a BIND for a peer expected from {@code expected} and returns the first reply.
     *
     * @param user the SOCKS 4 user-id; SOCKS 5 (no authentication) sends none
     */
    Reply bind(InetAddress expected, int port, String user) throws IOException {
        request(BIND, expected, port, user);
        return reply();
    }

    /** Sends a CONNECT and returns its reply; {@code user} as for {@link #bind}. */
    Reply connect(InetAddress target, int port, String user) throws IOException {
        request(CONNECT, target, port, user);
        return reply();
    }

    /** SOCKS 5 only, no authentication: a CONNECT to a name for the daemon to resolve (ATYP 3). */
    Reply connect(String name, int port) throws IOException {
        byte[] host = name.getBytes(StandardCharsets.US_ASCII);
        out.write(new byte[] {5, 1, 0, 5, CONNECT, 0, 3, (byte) host.length});
        out.write(host);
        out.write(new byte[] {(byte) (port >> 8), (byte) port});
        byte[] method = readExactly(2);
        if (method[0] != 5 || method[1] != 0) {
            throw new IOException("the daemon did not accept method 0: " + toHex(method));
        }
        return reply();
    }

    /**
     * SOCKS 5 only: logs in with username/password (RFC 1929), then sends a CONNECT and returns
     * its reply. A login the daemon rejects throws, naming the status.
     */
    Reply connectLoggedIn(InetAddress target, int port, String user, String password) throws IOException {
        out.write(new byte[] {5, 1, 2});
        byte[] method = readExactly(2);
        if (method[0] != 5 || method[1] != 2) {
            throw new IOException("the daemon did not choose username/password: " + toHex(method));
        }
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        out.write(1);
        out.write(name.length);
        out.write(name);
        out.write(secret.length);
        out.write(secret);
        byte[] status = readExactly(2);
        if (status[1] != 0) {
            throw new IOException("the daemon rejected the login: " + toHex(status));
        }
        byte[] ip = target.getAddress();
        out.write(new byte[] {5, CONNECT, 0, 1, ip[0], ip[1], ip[2], ip[3], (byte) (port >> 8), (byte) port});
        return reply();
    }

    /** The SOCKS 5 greeting (no authentication) travels with the request; the method choice is read first. */
    private void request(int command, InetAddress address, int port, String user) throws IOException {
        byte[] ip = address.getAddress();
        if (version == SOCKS4) {
            out.write(new byte[] {4, (byte) command, (byte) (port >> 8), (byte) port, ip[0], ip[1], ip[2], ip[3]});
            out.write((user + "\0").getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        out.write(new byte[] {5, 1, 0, 5, (byte) command, 0, 1, ip[0], ip[1], ip[2], ip[3], (byte) (port >> 8), (byte) port});
        byte[] method = in.readNBytes(2);
        if (method.length < 2 || method[0] != 5 || method[1] != 0) {
            throw new IOException("the daemon did not accept method 0: " + toHex(method));
        }
    }

    /** Reads the next reply: the only one of CONNECT, the first or the second of BIND. */
    Reply reply() throws IOException {
        if (version == SOCKS4) {
            byte[] reply = readExactly(8);
            return new Reply(SOCKS4, reply[1] & 0xff, new InetSocketAddress(
                    InetAddress.getByAddress(new byte[] {reply[4], reply[5], reply[6], reply[7]}), port(reply[2], reply[3])));
        }
        byte[] head = readExactly(4);
        byte[] address = switch (head[3]) {
            case 1 -> readExactly(4);
            case 4 -> readExactly(16);
            default -> throw new IOException("unexpected ATYP " + head[3] + " in the reply " + toHex(head));
        };
        byte[] port = readExactly(2);
        return new Reply(SOCKS5, head[1] & 0xff, new InetSocketAddress(InetAddress.getByAddress(address), port(port[0], port[1])));
    }

    private byte[] readExactly(int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length < count) {
            throw new IOException("the daemon closed the connection after " + bytes.length + " of " + count
                    + " reply bytes: " + toHex(bytes));
        }
        return bytes;
    }

    /** @return true when the daemon has closed the connection: end of stream or a reset, not a silent wait */
    boolean closedByDaemon() throws IOException {
        return isClosed(socket);
    }

    /** @return true when the other side has closed this socket (end of stream or reset) within its read timeout */
    static boolean isClosed(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return e.getMessage() != null && e.getMessage().contains("reset");
        }
    }

    Socket socket() {
        return socket;
    }

    InputStream input() {
        return in;
    }

    OutputStream output() {
        return out;
    }

    private static int port(byte high, byte low) {
        return (high & 0xff) << 8 | (low & 0xff);
    }

    private static String toHex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.isEmpty() ? "(nothing)" : hex.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
