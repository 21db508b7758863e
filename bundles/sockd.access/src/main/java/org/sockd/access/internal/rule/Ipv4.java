package org.sockd.access.internal.rule;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.OptionalInt;

/** The IPv4 view of an address, the only kind sockd.conf patterns can describe. */
final class Ipv4 {

    private Ipv4() {
    }

    /**
     * An IPv4-mapped IPv6 address (::ffff:a.b.c.d, as a dual-stack listener may report a client)
     * is the IPv4 host it carries, so the rules for that host apply to it.
     */
    static OptionalInt of(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return OptionalInt.of(ByteBuffer.wrap(bytes).getInt());
        }
        return isMapped(bytes) ? OptionalInt.of(ByteBuffer.wrap(bytes, 12, 4).getInt()) : OptionalInt.empty();
    }

    private static boolean isMapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
