package org.sockd.protocol.internal.proxy;

import org.sockd.api.protocol.ProxyHeader;
import org.sockd.protocol.internal.Decoded;
import org.sockd.protocol.internal.Decoder;

/**
 * A PROXY protocol header as HAProxy specifies it: its first byte tells a version 1 text line
 * ({@code P}) from a version 2 binary header ({@code CR}).
 */
final class ProxyHeaderDecoder implements Decoder<ProxyHeader> {

    /** The PROXY protocol has no error reply: a malformed header closes the connection. */
    static final int NO_REPLY = -1;

    @Override
    public int cap() {
        return ProxyV2Header.LARGEST;
    }

    @Override
    public Decoded<ProxyHeader> decode(byte[] buffer, int length) {
        if (length < 1) {
            return new Decoded.NeedMore<>(1);
        }
        return switch (buffer[0]) {
            case 'P' -> ProxyV1Line.decode(buffer, length);
            case '\r' -> ProxyV2Header.decode(buffer, length);
            default -> malformed(String.format("not a PROXY protocol header (first byte 0x%02x)", buffer[0] & 0xff));
        };
    }

    static Decoded<ProxyHeader> malformed(String reason) {
        return new Decoded.Malformed<>(NO_REPLY, reason);
    }
}
