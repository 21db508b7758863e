package org.sockd.protocol.internal.v5;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.protocol.Reply;

/** Encodes SOCKS 5 replies: VER REP RSV ATYP BND.ADDR BND.PORT. */
final class Socks5Replies {

    static final int SUCCEEDED = 0x00;
    static final int GENERAL_FAILURE = 0x01;
    static final int NOT_ALLOWED = 0x02;
    static final int NETWORK_UNREACHABLE = 0x03;
    static final int HOST_UNREACHABLE = 0x04;
    static final int CONNECTION_REFUSED = 0x05;
    static final int COMMAND_NOT_SUPPORTED = 0x07;
    static final int ADDRESS_TYPE_NOT_SUPPORTED = 0x08;

    private Socks5Replies() {
    }

    static byte[] encode(Reply reply) {
        return switch (reply) {
            case Reply.Granted granted -> granted(granted.bound());
            case Reply.Refused refused -> failure(code(refused.refusal()));
        };
    }

    /** @return a reply with the given code and BND 0.0.0.0:0 */
    static byte[] failure(int rep) {
        return encode(rep, new byte[4], 0);
    }

    private static int code(Refusal refusal) {
        return switch (refusal) {
            case NOT_ALLOWED, IDENT_UNREACHABLE, IDENT_MISMATCH -> NOT_ALLOWED;
            case GENERAL_FAILURE -> GENERAL_FAILURE;
            case NETWORK_UNREACHABLE -> NETWORK_UNREACHABLE;
            case HOST_UNREACHABLE -> HOST_UNREACHABLE;
            case CONNECTION_REFUSED -> CONNECTION_REFUSED;
            case COMMAND_NOT_SUPPORTED -> COMMAND_NOT_SUPPORTED;
            case ADDRESS_TYPE_NOT_SUPPORTED -> ADDRESS_TYPE_NOT_SUPPORTED;
        };
    }

    private static byte[] granted(InetSocketAddress bound) {
        byte[] address = switch (bound.getAddress()) {
            case Inet4Address v4 -> v4.getAddress();
            case Inet6Address v6 -> v6.getAddress();
            // an unresolved address carries no bytes to send
            case null, default -> new byte[4];
        };
        return encode(SUCCEEDED, address, bound.getPort());
    }

    private static byte[] encode(int rep, byte[] address, int port) {
        byte atyp = (byte) (address.length == 16 ? 4 : 1);
        return ByteBuffer.allocate(6 + address.length)
                .put((byte) 5).put((byte) rep).put((byte) 0).put(atyp)
                .put(address).putShort((short) port)
                .array();
    }
}
