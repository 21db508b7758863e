package org.sockd.protocol.internal.v4;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.protocol.Reply;

/** Encodes SOCKS 4 replies: VN 0, CD, DSTPORT, DSTIP. */
final class Socks4Replies {

    static final int GRANTED = 90;
    static final int FAILED = 91;
    static final int NO_IDENTD = 92;
    static final int BAD_ID = 93;

    private Socks4Replies() {
    }

    static byte[] encode(Reply reply) {
        return switch (reply) {
            case Reply.Granted granted -> granted(granted.bound());
            case Reply.Refused refused -> failure(code(refused.refusal()));
        };
    }

    /** @return a reply with the given code and a zero address */
    static byte[] failure(int cd) {
        return encode(cd, 0, new byte[4]);
    }

    private static int code(Refusal refusal) {
        return switch (refusal) {
            case IDENT_UNREACHABLE -> NO_IDENTD;
            case IDENT_MISMATCH -> BAD_ID;
            case NOT_ALLOWED, GENERAL_FAILURE, NETWORK_UNREACHABLE, HOST_UNREACHABLE, CONNECTION_REFUSED,
                    COMMAND_NOT_SUPPORTED, ADDRESS_TYPE_NOT_SUPPORTED -> FAILED;
        };
    }

    /**
     * SOCKS 4 cannot carry an IPv6 address; 0.0.0.0 tells a BIND client to use the server's own
     * address, so the port still goes out.
     */
    private static byte[] granted(InetSocketAddress bound) {
        byte[] address = bound.getAddress() instanceof Inet4Address v4 ? v4.getAddress() : new byte[4];
        return encode(GRANTED, bound.getPort(), address);
    }

    private static byte[] encode(int cd, int port, byte[] address) {
        return ByteBuffer.allocate(8).put((byte) 0).put((byte) cd).putShort((short) port).put(address).array();
    }
}
