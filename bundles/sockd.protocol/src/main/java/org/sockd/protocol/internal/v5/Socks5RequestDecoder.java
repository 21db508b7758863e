package org.sockd.protocol.internal.v5;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import org.sockd.api.Command;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.protocol.SocksRequest;
import org.sockd.protocol.internal.Decoded;
import org.sockd.protocol.internal.Decoder;
import org.sockd.protocol.internal.Wire;

/** Decodes a SOCKS 5 request: VER CMD RSV ATYP DST.ADDR DST.PORT. */
final class Socks5RequestDecoder implements Decoder<SocksRequest> {

    private static final int HEADER = 4;
    private static final int IPV4 = 1;
    private static final int DOMAIN = 3;
    private static final int IPV6 = 4;

    @Override
    public int cap() {
        return HEADER + 1 + 255 + 2;
    }

    @Override
    public Decoded<SocksRequest> decode(byte[] buffer, int length) {
        if (length < HEADER) {
            return new Decoded.NeedMore<>(HEADER - length);
        }
        int version = Wire.u8(buffer, 0);
        int cmd = Wire.u8(buffer, 1);
        int reserved = Wire.u8(buffer, 2);
        int atyp = Wire.u8(buffer, 3);
        if (version != 5) {
            return malformed(Socks5Replies.GENERAL_FAILURE, "wrong version (0x%2x)".formatted(version));
        }
        Command command = command(cmd);
        if (command == null) {
            return malformed(Socks5Replies.COMMAND_NOT_SUPPORTED, "undefined command (0x%2x)".formatted(cmd));
        }
        if (reserved != 0) {
            return malformed(Socks5Replies.GENERAL_FAILURE, "reserved byte not zero (0x%02x)".formatted(reserved));
        }
        return switch (atyp) {
            case IPV4 -> address(buffer, length, command, 4);
            case IPV6 -> address(buffer, length, command, 16);
            case DOMAIN -> domain(buffer, length, command);
            default -> malformed(Socks5Replies.ADDRESS_TYPE_NOT_SUPPORTED,
                    "unknown address type (0x%02x)".formatted(atyp));
        };
    }

    /** @return the command, or null when the code is undefined */
    private static Command command(int cmd) {
        return switch (cmd) {
            case 1 -> Command.CONNECT;
            case 2 -> Command.BIND;
            case 3 -> Command.UDP_ASSOCIATE;
            default -> null;
        };
    }

    private static Decoded<SocksRequest> address(byte[] buffer, int length, Command command, int size) {
        int total = HEADER + size + 2;
        if (length < total) {
            return new Decoded.NeedMore<>(total - length);
        }
        Endpoint destination = Endpoint.ofAddress(Wire.address(buffer, HEADER, size), Wire.u16(buffer, HEADER + size));
        return done(command, destination, total);
    }

    private static Decoded<SocksRequest> domain(byte[] buffer, int length, Command command) {
        if (length < HEADER + 1) {
            return new Decoded.NeedMore<>(1);
        }
        int size = Wire.u8(buffer, HEADER);
        if (size == 0) {
            return malformed(Socks5Replies.GENERAL_FAILURE, "empty domain name");
        }
        int total = HEADER + 1 + size + 2;
        if (length < total) {
            return new Decoded.NeedMore<>(total - length);
        }
        if (Wire.indexOfNul(buffer, HEADER + 1, HEADER + 1 + size) >= 0) {
            return malformed(Socks5Replies.GENERAL_FAILURE, "domain name contains NUL");
        }
        String host = new String(buffer, HEADER + 1, size, ISO_8859_1);
        return done(command, Endpoint.ofName(host, Wire.u16(buffer, HEADER + 1 + size)), total);
    }

    private static Decoded<SocksRequest> done(Command command, Endpoint destination, int consumed) {
        return new Decoded.Done<>(new SocksRequest(SocksVersion.SOCKS5, command, destination, ""), consumed);
    }

    private static Decoded<SocksRequest> malformed(int rep, String reason) {
        return new Decoded.Malformed<>(rep, reason);
    }
}
