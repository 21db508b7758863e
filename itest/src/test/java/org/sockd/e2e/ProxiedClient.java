package org.sockd.e2e;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A SOCKS 5 client behind a pretend load balancer: it opens the connection with a PROXY protocol
 * header (version 1 or 2) naming some other client, then speaks SOCKS 5 without authentication.
 */
final class ProxiedClient implements AutoCloseable {

    private static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    static final int CONNECT = 1;
    static final int BIND = 2;
    static final int UDP_ASSOCIATE = 3;

    /**
     * A reply to a request.
     *
     * @param code REP, 0 succeeded
     * @param address BND.ADDR and BND.PORT
     */
    record Reply(int code, InetSocketAddress address) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private ProxiedClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects from {@code localAddress} (as the balancer) to the daemon's listener. */
    static ProxiedClient open(InetAddress localAddress, InetSocketAddress listener) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setSoTimeout(15_000);
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(listener, 5000);
            return new ProxiedClient(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** @return {@code PROXY TCP4 source destination sport dport CR LF} */
    static byte[] v1(InetSocketAddress source, InetSocketAddress destination) {
        return ("PROXY TCP4 " + source.getAddress().getHostAddress() + " " + destination.getAddress().getHostAddress()
                + " " + source.getPort() + " " + destination.getPort() + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** @return a version 2 PROXY header for TCP over IPv4, with one TLV (a unique id) to skip */
    static byte[] v2(InetSocketAddress source, InetSocketAddress destination) {
        byte[] tlv = {0x05, 0x00, 0x03, 'i', 'd', '1'};
        ByteBuffer header = ByteBuffer.allocate(16 + 12 + tlv.length).put(V2_SIGNATURE).put((byte) 0x21)
                .put((byte) 0x11).putShort((short) (12 + tlv.length));
        header.put(source.getAddress().getAddress()).put(destination.getAddress().getAddress())
                .putShort((short) source.getPort()).putShort((short) destination.getPort()).put(tlv);
        return header.array();
    }

    /** @return a version 2 LOCAL header, as a balancer's health check sends */
    static byte[] v2Local() {
        return ByteBuffer.allocate(16).put(V2_SIGNATURE).put((byte) 0x20).put((byte) 0x00).putShort((short) 0).array();
    }

    /** Sends bytes as they are: a header, or anything else in its place. */
    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends the header and the greeting in one write, as a balancer may, and reads the method chosen. */
    void greet(byte[] header) throws IOException {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(header);
        both.writeBytes(new byte[] {5, 1, 0});
        send(both.toByteArray());
        byte[] method = in.readNBytes(2);
        if (method.length != 2 || method[0] != 5 || method[1] != 0) {
            throw new IOException("no SOCKS 5 method reply, got " + method.length + " bytes");
        }
    }

    /** Sends a request for an IPv4 destination and reads the reply. */
    Reply request(int command, InetSocketAddress destination) throws IOException {
        ByteBuffer request = ByteBuffer.allocate(10).put((byte) 5).put((byte) command).put((byte) 0).put((byte) 1)
                .put(destination.getAddress().getAddress()).putShort((short) destination.getPort());
        send(request.array());
        return reply();
    }

    /** Reads a reply with an IPv4 or IPv6 address. */
    Reply reply() throws IOException {
        byte[] head = new byte[4];
        in.readFully(head);
        byte[] address = new byte[head[3] == 4 ? 16 : 4];
        in.readFully(address);
        int port = in.readUnsignedShort();
        return new Reply(head[1], new InetSocketAddress(InetAddress.getByAddress(address), port));
    }

    /** Sends an HTTP/1.0 GET through the granted connection and reads the whole answer. */
    String get() throws IOException {
        send("GET / HTTP/1.0\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /**
     * @return whether the daemon closed the connection without a byte, within the socket timeout; a
     *         reset counts, since a connection closed at accept drops whatever the client had sent
     */
    boolean closedWithoutAnswer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketException e) {
            if (String.valueOf(e.getMessage()).contains("Connection reset")) {
                return true;
            }
            throw e;
        }
    }

    /** @return the balancer's end, as the daemon names the peer */
    InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
