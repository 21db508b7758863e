package org.sockd.e2e;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A SOCKS 5 UDP ASSOCIATE client written out byte by byte (RFC 1928 sections 4-7, RFC 1929): the
 * control connection, the relay address from the reply, and datagrams with the header built here,
 * so that a test can send what no library would (fragments, datagrams from another socket).
 */
final class UdpAssociateClient implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 10_000;

    private final Socket control;
    private final DatagramSocket udp;
    private final InetSocketAddress relay;

    private UdpAssociateClient(Socket control, DatagramSocket udp, InetSocketAddress relay) {
        this.control = control;
        this.udp = udp;
        this.relay = relay;
    }

    /**
     * Logs in (when {@code user} is not {@code null}) and asks for an association.
     *
     * @param clientAddress the local address of both the control connection and the UDP socket
     * @param announcePort whether the request names the UDP socket's port; else it says 0 and the
     *        relay learns the port from the first datagram
     */
    static UdpAssociateClient open(InetSocketAddress proxy, String user, String password, InetAddress clientAddress,
            boolean announcePort) throws IOException {
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress(clientAddress, 0));
        Socket control = new Socket();
        try {
            control.setSoTimeout(TIMEOUT_MILLIS);
            control.bind(new InetSocketAddress(clientAddress, 0));
            control.connect(proxy, TIMEOUT_MILLIS);
            OutputStream out = control.getOutputStream();
            DataInputStream in = new DataInputStream(control.getInputStream());
            if (user == null) {
                out.write(new byte[] {5, 1, 0});
                expect(in, "0500", "method reply");
            } else {
                out.write(new byte[] {5, 1, 2});
                expect(in, "0502", "method reply");
                out.write(login(user, password));
                expect(in, "0100", "username/password status");
            }
            int port = announcePort ? udp.getLocalPort() : 0;
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(new byte[] {5, 3, 0});
            request.write(address(new InetSocketAddress(clientAddress, port)));
            out.write(request.toByteArray());
            byte[] head = new byte[4];
            in.readFully(head);
            if (head[0] != 5 || head[1] != 0) {
                throw new IOException("UDP ASSOCIATE refused: " + HexFormat.of().formatHex(head));
            }
            InetSocketAddress relay = readAddress(in, head[3]);
            return new UdpAssociateClient(control, udp, relay);
        } catch (IOException | RuntimeException e) {
            control.close();
            udp.close();
            throw e;
        }
    }

    /** The RFC 1929 request. */
    static byte[] login(String user, String password) {
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        ByteBuffer request = ByteBuffer.allocate(3 + name.length + secret.length);
        request.put((byte) 1).put((byte) name.length).put(name).put((byte) secret.length).put(secret);
        return request.array();
    }

    private static void expect(DataInputStream in, String hex, String what) throws IOException {
        byte[] answer = new byte[hex.length() / 2];
        in.readFully(answer);
        if (!HexFormat.of().formatHex(answer).equals(hex)) {
            throw new IOException(what + " " + HexFormat.of().formatHex(answer) + ", expected " + hex);
        }
    }

    /** @return where datagrams go: BND.ADDR and BND.PORT of the reply */
    InetSocketAddress relay() {
        return relay;
    }

    /** @return the client's UDP socket address */
    InetSocketAddress udpAddress() {
        return (InetSocketAddress) udp.getLocalSocketAddress();
    }

    /** Sends a datagram for {@code destination} (an unresolved address is sent as a name) from the client's socket. */
    void send(int frag, InetSocketAddress destination, byte[] payload) throws IOException {
        sendFrom(udp, frag, destination, payload);
    }

    /** Sends a datagram for {@code destination} to the relay from any socket. */
    void sendFrom(DatagramSocket socket, int frag, InetSocketAddress destination, byte[] payload) throws IOException {
        byte[] datagram = datagram(frag, destination, payload);
        socket.send(new DatagramPacket(datagram, datagram.length, relay));
    }

    /** The RFC 1928 section 7 datagram: RSV RSV FRAG, the destination, the payload. */
    static byte[] datagram(int frag, InetSocketAddress destination, byte[] payload) {
        ByteArrayOutputStream datagram = new ByteArrayOutputStream();
        datagram.writeBytes(new byte[] {0, 0, (byte) frag});
        datagram.writeBytes(address(destination));
        datagram.writeBytes(payload);
        return datagram.toByteArray();
    }

    /** ATYP, the address (or the length-prefixed name), the port. */
    private static byte[] address(InetSocketAddress destination) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (destination.isUnresolved()) {
            byte[] name = destination.getHostString().getBytes(StandardCharsets.US_ASCII);
            out.write(3);
            out.write(name.length);
            out.writeBytes(name);
        } else {
            InetAddress address = destination.getAddress();
            out.write(address instanceof Inet4Address ? 1 : 4);
            out.writeBytes(address.getAddress());
        }
        out.write(destination.getPort() >> 8);
        out.write(destination.getPort());
        return out.toByteArray();
    }

    private static InetSocketAddress readAddress(DataInputStream in, int atyp) throws IOException {
        byte[] address = switch (atyp) {
            case 1 -> new byte[4];
            case 4 -> new byte[16];
            default -> throw new IOException("unexpected ATYP " + atyp + " in the reply");
        };
        in.readFully(address);
        return new InetSocketAddress(InetAddress.getByAddress(address), in.readUnsignedShort());
    }

    /** @return the next datagram from the relay within the time, or empty */
    Optional<Reply> receive(int timeoutMillis) throws IOException {
        return receiveOn(udp, timeoutMillis);
    }

    /** @return the next datagram that reaches {@code socket} within the time, or empty */
    static Optional<Reply> receiveOn(DatagramSocket socket, int timeoutMillis) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65_536 + 300], 65_536 + 300);
        socket.setSoTimeout(timeoutMillis);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        return Optional.of(Reply.parse(Arrays.copyOf(packet.getData(), packet.getLength()),
                (InetSocketAddress) packet.getSocketAddress()));
    }

    /** Closes the control connection only: the association must end with it. */
    void closeControl() throws IOException {
        control.close();
    }

    @Override
    public void close() throws IOException {
        try (udp) {
            control.close();
        }
    }

    /**
     * A datagram from the relay.
     *
     * @param header RSV RSV FRAG ATYP ADDR PORT as received
     * @param source the target the payload came from, per the header
     * @param payload the bytes after the header
     * @param sentBy the socket address the datagram came from (the relay)
     */
    record Reply(byte[] header, InetSocketAddress source, byte[] payload, InetSocketAddress sentBy) {

        static Reply parse(byte[] datagram, InetSocketAddress sentBy) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(datagram));
            in.skipNBytes(3);
            InetSocketAddress source = readAddress(in, in.readUnsignedByte());
            int headerLength = datagram.length - in.available();
            return new Reply(Arrays.copyOf(datagram, headerLength), source,
                    Arrays.copyOfRange(datagram, headerLength, datagram.length), sentBy);
        }
    }
}
