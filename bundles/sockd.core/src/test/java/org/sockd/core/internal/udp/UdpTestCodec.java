package org.sockd.core.internal.udp;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.sockd.api.Endpoint;
import org.sockd.api.protocol.DatagramCodec;
import org.sockd.api.protocol.DecodedDatagram;

/**
 * Just enough of the SOCKS 5 UDP header (RSV FRAG ATYP DST.ADDR DST.PORT) for the relay tests to
 * speak like a client: the core cannot see the protocol bundle, whose codec has its own tests.
 */
final class UdpTestCodec implements DatagramCodec {

    @Override
    public DecodedDatagram decode(ByteBuffer packet) {
        ByteBuffer in = packet.duplicate();
        if (in.remaining() < 4) {
            return new DecodedDatagram.Dropped("truncated header");
        }
        in.getShort();
        if (in.get() != 0) {
            return new DecodedDatagram.Dropped(UdpAssociation.FRAGMENT);
        }
        int atyp = in.get();
        int size = atyp == 1 ? 4 : atyp == 4 ? 16 : atyp == 3 && in.hasRemaining() ? in.get() & 0xFF : -1;
        if (size < 0 || in.remaining() < size + 2) {
            return new DecodedDatagram.Dropped("bad address");
        }
        byte[] address = new byte[size];
        in.get(address);
        int port = in.getShort() & 0xFFFF;
        byte[] payload = new byte[in.remaining()];
        in.get(payload);
        Endpoint destination = atyp == 3 ? Endpoint.ofName(new String(address, US_ASCII), port)
                : Endpoint.ofAddress(byAddress(address), port);
        return new DecodedDatagram.Datagram(destination, payload);
    }

    @Override
    public ByteBuffer encode(InetSocketAddress source, ByteBuffer payload) {
        return ByteBuffer.wrap(datagram(Endpoint.ofAddress(source.getAddress(), source.getPort()),
                bytes(payload.duplicate())));
    }

    /** @return the header a client puts before {@code payload} to send it to {@code destination} */
    static byte[] datagram(Endpoint destination, byte[] payload) {
        return datagram(0, destination, payload);
    }

    static byte[] datagram(int frag, Endpoint destination, byte[] payload) {
        byte[] address = destination.isName() ? destination.host().getBytes(US_ASCII) : destination.address().getAddress();
        int atyp = destination.isName() ? 3 : address.length == 4 ? 1 : 4;
        ByteBuffer out = ByteBuffer.allocate(4 + (destination.isName() ? 1 : 0) + address.length + 2 + payload.length);
        out.putShort((short) 0).put((byte) frag).put((byte) atyp);
        if (destination.isName()) {
            out.put((byte) address.length);
        }
        return out.put(address).putShort((short) destination.port()).put(payload).array();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static InetAddress byAddress(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
