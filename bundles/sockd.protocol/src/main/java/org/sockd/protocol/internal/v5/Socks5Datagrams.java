package org.sockd.protocol.internal.v5;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.sockd.api.Endpoint;
import org.sockd.api.protocol.DatagramCodec;
import org.sockd.api.protocol.DecodedDatagram;

/**
 * The SOCKS 5 UDP request header (RFC 1928 section 7): RSV(2) FRAG(1) ATYP(1) DST.ADDR DST.PORT
 * DATA. Stateless; reads and writes with absolute indexes so the caller's buffers keep their
 * positions, and keeps no reference to them.
 */
final class Socks5Datagrams implements DatagramCodec {

    /** The reason given for a datagram with FRAG != 0: fragmentation is not implemented. */
    static final String FRAGMENT = "fragment";

    private static final int FIXED = 4;
    private static final int IPV4 = 1;
    private static final int DOMAIN = 3;
    private static final int IPV6 = 4;

    @Override
    public DecodedDatagram decode(ByteBuffer packet) {
        int start = packet.position();
        int length = packet.remaining();
        if (length < FIXED) {
            return truncated();
        }
        // RSV (bytes 0-1) is reserved: tolerated whatever it holds, as the RFC gives it no meaning.
        if (packet.get(start + 2) != 0) {
            return new DecodedDatagram.Dropped(FRAGMENT);
        }
        int atyp = packet.get(start + 3) & 0xFF;
        return switch (atyp) {
            case IPV4 -> address(packet, start, length, 4);
            case IPV6 -> address(packet, start, length, 16);
            case DOMAIN -> domain(packet, start, length);
            default -> new DecodedDatagram.Dropped("unknown address type (0x%02x)".formatted(atyp));
        };
    }

    @Override
    public ByteBuffer encode(InetSocketAddress source, ByteBuffer payload) {
        byte[] address = switch (source.getAddress()) {
            case Inet4Address v4 -> v4.getAddress();
            case Inet6Address v6 -> v6.getAddress();
            case null, default -> throw new IllegalArgumentException("source is not a resolved address: " + source);
        };
        int size = payload.remaining();
        ByteBuffer datagram = ByteBuffer.allocate(FIXED + address.length + 2 + size);
        datagram.putShort((short) 0).put((byte) 0).put((byte) (address.length == 16 ? IPV6 : IPV4))
                .put(address).putShort((short) source.getPort());
        datagram.put(datagram.position(), payload, payload.position(), size);
        return datagram.position(0);
    }

    private static DecodedDatagram address(ByteBuffer packet, int start, int length, int size) {
        int header = FIXED + size + 2;
        if (length < header) {
            return truncated();
        }
        byte[] raw = new byte[size];
        packet.get(start + FIXED, raw);
        Endpoint destination = Endpoint.ofAddress(address(raw), port(packet, start + FIXED + size));
        return datagram(packet, start, length, header, destination);
    }

    private static DecodedDatagram domain(ByteBuffer packet, int start, int length) {
        if (length < FIXED + 1) {
            return truncated();
        }
        int size = packet.get(start + FIXED) & 0xFF;
        if (size == 0) {
            return new DecodedDatagram.Dropped("empty host name");
        }
        int header = FIXED + 1 + size + 2;
        if (length < header) {
            return truncated();
        }
        byte[] name = new byte[size];
        packet.get(start + FIXED + 1, name);
        for (byte b : name) {
            // Visible ASCII only: a NUL, a space or a byte past 0x7E cannot be part of a host name
            // and would read differently to the resolver than to the rules.
            if (b < 0x21 || b > 0x7E) {
                return new DecodedDatagram.Dropped("host name is not printable ASCII");
            }
        }
        Endpoint destination = Endpoint.ofName(new String(name, US_ASCII), port(packet, start + FIXED + 1 + size));
        return datagram(packet, start, length, header, destination);
    }

    private static DecodedDatagram datagram(ByteBuffer packet, int start, int length, int header, Endpoint destination) {
        byte[] payload = new byte[length - header];
        packet.get(start + header, payload);
        return new DecodedDatagram.Datagram(destination, payload);
    }

    private static int port(ByteBuffer packet, int index) {
        return packet.getShort(index) & 0xFFFF;
    }

    /** An IPv4-mapped IPv6 address comes back as its {@code Inet4Address}, as in the TCP request. */
    private static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    private static DecodedDatagram truncated() {
        return new DecodedDatagram.Dropped("truncated header");
    }
}
