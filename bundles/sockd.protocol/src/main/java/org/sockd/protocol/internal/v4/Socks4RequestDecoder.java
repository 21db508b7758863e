package org.sockd.protocol.internal.v4;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import org.sockd.api.Command;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.protocol.SocksRequest;
import org.sockd.protocol.internal.Decoded;
import org.sockd.protocol.internal.Decoder;
import org.sockd.protocol.internal.Wire;

/** Decodes a SOCKS 4 or 4A request from CD on: the core has already read VN. */
final class Socks4RequestDecoder implements Decoder<SocksRequest> {

    /** CD, DSTPORT and DSTIP. */
    private static final int HEADER = 7;
    /** A NUL-terminated field: at most 255 bytes plus the NUL. */
    private static final int FIELD = 256;

    @Override
    public int cap() {
        return HEADER + 2 * FIELD;
    }

    @Override
    public Decoded<SocksRequest> decode(byte[] buffer, int length) {
        if (length < HEADER) {
            return new Decoded.NeedMore<>(HEADER - length);
        }
        int cd = Wire.u8(buffer, 0);
        Command command = command(cd);
        if (command == null) {
            return malformed("undefined command (0x%2x)".formatted(cd));
        }
        int userEnd = Wire.indexOfNul(buffer, HEADER, Math.min(length, HEADER + FIELD));
        if (userEnd < 0) {
            return tooLongOrMore(length - HEADER, "user-id longer than 255 bytes");
        }
        String user = new String(buffer, HEADER, userEnd - HEADER, ISO_8859_1);
        int port = Wire.u16(buffer, 1);
        if (isSocks4a(buffer)) {
            return decodeHost(buffer, length, userEnd + 1, command, port, user);
        }
        Endpoint destination = Endpoint.ofAddress(Wire.address(buffer, 3, 4), port);
        return new Decoded.Done<>(
                new SocksRequest(SocksVersion.SOCKS4, command, destination, user), userEnd + 1);
    }

    /** @return the command, or null when the code is undefined (SOCKS 4 has no UDP) */
    private static Command command(int cd) {
        return switch (cd) {
            case 1 -> Command.CONNECT;
            case 2 -> Command.BIND;
            default -> null;
        };
    }

    /** DSTIP 0.0.0.x with x != 0 announces a host name after the user-id; 0.0.0.0 does not. */
    private static boolean isSocks4a(byte[] buffer) {
        return buffer[3] == 0 && buffer[4] == 0 && buffer[5] == 0 && buffer[6] != 0;
    }

    private static Decoded<SocksRequest> decodeHost(
            byte[] buffer, int length, int start, Command command, int port, String user) {
        int end = Wire.indexOfNul(buffer, start, Math.min(length, start + FIELD));
        if (end < 0) {
            return tooLongOrMore(length - start, "host name longer than 255 bytes");
        }
        if (end == start) {
            return malformed("empty host name");
        }
        Endpoint destination = Endpoint.ofName(new String(buffer, start, end - start, ISO_8859_1), port);
        return new Decoded.Done<>(
                new SocksRequest(SocksVersion.SOCKS4A, command, destination, user), end + 1);
    }

    /** Rejects as soon as a field fills its cap without a NUL, instead of waiting for more. */
    private static Decoded<SocksRequest> tooLongOrMore(int fieldBytes, String tooLong) {
        return fieldBytes >= FIELD ? malformed(tooLong) : new Decoded.NeedMore<>(1);
    }

    private static Decoded<SocksRequest> malformed(String reason) {
        return new Decoded.Malformed<>(Socks4Replies.FAILED, reason);
    }
}
