package org.sockd.protocol.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Byte-level helpers shared by the SOCKS 4 and 5 codecs. Network byte order throughout. */
public final class Wire {

    private Wire() {
    }

    /** @return the unsigned byte at {@code index} */
    public static int u8(byte[] buffer, int index) {
        return buffer[index] & 0xFF;
    }

    /** @return the unsigned 16-bit value at {@code index} */
    public static int u16(byte[] buffer, int index) {
        return (u8(buffer, index) << 8) | u8(buffer, index + 1);
    }

    /**
     * @param length 4 or 16
     * @return the address; an IPv4-mapped IPv6 address comes back as its {@code Inet4Address}
     */
    public static InetAddress address(byte[] buffer, int offset, int length) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(buffer, offset, offset + length));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address length: " + length, e);
        }
    }

    /** @return the index of the first zero byte in {@code [from, to)}, or -1 when there is none */
    public static int indexOfNul(byte[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Writes and flushes, so the client sees the bytes before the handler moves on. */
    public static void send(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }
}
