package org.sockd.protocol.internal.proxy;

import static org.sockd.protocol.internal.proxy.ProxyHeaderDecoder.malformed;

import java.net.InetSocketAddress;
import java.util.Arrays;
import org.sockd.api.protocol.ProxyHeader;
import org.sockd.protocol.internal.Decoded;
import org.sockd.protocol.internal.Wire;

/**
 * Version 2: a 12-byte signature, the version and command, the family and transport, the length
 * of the rest, the addresses, then TLVs, which are checked for shape and skipped.
 */
final class ProxyV2Header {

    private static final byte[] SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    private static final int FIXED = 16;
    /** Room for the largest addresses (two UNIX paths, 216 bytes) and the TLVs a balancer adds. */
    static final int LONGEST_REST = 4096;
    static final int LARGEST = FIXED + LONGEST_REST;

    private static final int LOCAL = 0x0;
    private static final int PROXY = 0x1;
    private static final int UNSPEC = 0x0;
    private static final int INET = 0x1;
    private static final int INET6 = 0x2;
    private static final int UNIX = 0x3;
    private static final int STREAM = 0x1;
    private static final int DGRAM = 0x2;

    private ProxyV2Header() {
    }

    static Decoded<ProxyHeader> decode(byte[] buffer, int length) {
        int prefix = Math.min(length, SIGNATURE.length);
        if (!Arrays.equals(buffer, 0, prefix, SIGNATURE, 0, prefix)) {
            return malformed("a version 2 header must start with the 12-byte signature CR LF CR LF NUL CR LF \"QUIT\" LF");
        }
        if (length > 12) {
            int version = Wire.u8(buffer, 12) >> 4;
            int command = Wire.u8(buffer, 12) & 0xf;
            if (version != 2) {
                return malformed("a version 2 header carries version " + version);
            }
            if (command != LOCAL && command != PROXY) {
                return malformed("a version 2 header has command " + command + " (0 LOCAL or 1 PROXY)");
            }
        }
        if (length > 13) {
            int family = Wire.u8(buffer, 13) >> 4;
            int transport = Wire.u8(buffer, 13) & 0xf;
            if (family > UNIX) {
                return malformed("a version 2 header has address family " + family + " (0 to 3)");
            }
            if (transport > DGRAM) {
                return malformed("a version 2 header has transport " + transport + " (0 to 2)");
            }
        }
        if (length < FIXED) {
            return new Decoded.NeedMore<>(FIXED - length);
        }
        int rest = Wire.u16(buffer, 14);
        if (rest > LONGEST_REST) {
            return malformed("a version 2 header announces " + rest + " bytes after its first 16, more than "
                    + LONGEST_REST);
        }
        if (length < FIXED + rest) {
            return new Decoded.NeedMore<>(FIXED + rest - length);
        }
        return interpret(buffer, FIXED + rest);
    }

    private static Decoded<ProxyHeader> interpret(byte[] buffer, int end) {
        if ((Wire.u8(buffer, 12) & 0xf) == LOCAL) {
            // the balancer's own connection: the specification has its addresses ignored
            return new Decoded.Done<>(new ProxyHeader.Local("version 2 LOCAL"), end);
        }
        int family = Wire.u8(buffer, 13) >> 4;
        int transport = Wire.u8(buffer, 13) & 0xf;
        if (family == UNSPEC || family == UNIX) {
            return new Decoded.Done<>(new ProxyHeader.Local("version 2 PROXY from " + (family == UNSPEC
                    ? "an unspecified family" : "a UNIX socket")), end);
        }
        if (transport != STREAM) {
            return malformed("a version 2 header relays transport " + transport + ", not TCP (1)");
        }
        int width = family == INET ? 4 : 16;
        int tlvs = FIXED + 2 * width + 4;
        if (tlvs > end) {
            return malformed("a version 2 header's " + (end - FIXED) + " bytes cannot hold two "
                    + (family == INET ? "IPv4" : "IPv6") + " addresses and ports");
        }
        String cutTlv = checkTlvs(buffer, tlvs, end);
        if (cutTlv != null) {
            return malformed(cutTlv);
        }
        int ports = FIXED + 2 * width;
        InetSocketAddress source = new InetSocketAddress(Wire.address(buffer, FIXED, width), Wire.u16(buffer, ports));
        InetSocketAddress destination =
                new InetSocketAddress(Wire.address(buffer, FIXED + width, width), Wire.u16(buffer, ports + 2));
        return new Decoded.Done<>(new ProxyHeader.Proxied(source, destination), end);
    }

    /** @return why the TLVs do not fill the header exactly, or {@code null} when they do */
    private static String checkTlvs(byte[] buffer, int from, int end) {
        int at = from;
        while (at < end) {
            if (at + 3 > end) {
                return "a version 2 header ends inside the type and length of a TLV at byte " + at;
            }
            int next = at + 3 + Wire.u16(buffer, at + 1);
            if (next > end) {
                return String.format("a version 2 header's TLV of type 0x%02x at byte %d runs %d bytes past its end",
                        Wire.u8(buffer, at), at, next - end);
            }
            at = next;
        }
        return null;
    }
}
