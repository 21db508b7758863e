package org.sockd.protocol.internal.v5;

import static org.sockd.protocol.internal.Bytes.concat;
import static org.sockd.protocol.internal.Bytes.hex;
import static org.sockd.protocol.internal.Bytes.ip;
import static org.sockd.protocol.internal.Bytes.text;

import java.net.InetAddress;
import java.util.List;
import org.sockd.api.Command;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.protocol.SocksRequest;

/** SOCKS 5 requests, shared by the decoder and handler tests. */
final class Socks5Cases {

    record Valid(String name, byte[] input, SocksRequest request) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Invalid(String name, byte[] input, int rep, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Socks5Cases() {
    }

    static List<Valid> valid() {
        String name255 = "n".repeat(255);
        return List.of(
                new Valid("CONNECT IPv4", hex("05 01 00 01 01020304 0050"), request(Command.CONNECT, ip("1.2.3.4"), 80)),
                new Valid("BIND IPv6", hex("05 02 00 04 20010db8000000000000000000000001 0015"),
                        request(Command.BIND, ip("2001:db8::1"), 21)),
                new Valid("UDP ASSOCIATE from an unknown address", hex("05 03 00 01 00000000 0000"),
                        request(Command.UDP_ASSOCIATE, ip("0.0.0.0"), 0)),
                new Valid("IPv4-mapped IPv6 is unwrapped", hex("05 01 00 04 00000000000000000000ffff01020304 0050"),
                        request(Command.CONNECT, ip("1.2.3.4"), 80)),
                new Valid("port is unsigned", hex("05 01 00 01 01020304 ffff"), request(Command.CONNECT, ip("1.2.3.4"), 65535)),
                new Valid("CONNECT name", concat(hex("05 01 00 03 0b"), text("example.com"), hex("01bb")),
                        named("example.com", 443)),
                new Valid("name of 255 bytes, length unsigned", concat(hex("05 01 00 03 ff"), text(name255), hex("0050")),
                        named(name255, 80)),
                new Valid("name bytes are ISO-8859-1", hex("05 01 00 03 02 e9ff 0050"), named("\u00e9\u00ff", 80)));
    }

    static List<Invalid> malformed() {
        return List.of(
                new Invalid("VER 4", hex("04 01 00 01 01020304 0050"), 0x01, "wrong version (0x 4)"),
                new Invalid("CMD 0", hex("05 00 00 01 01020304 0050"), 0x07, "undefined command (0x 0)"),
                new Invalid("CMD 4", hex("05 04 00 01 01020304 0050"), 0x07, "undefined command (0x 4)"),
                new Invalid("CMD 0xff is unsigned", hex("05 ff 00 01 01020304 0050"), 0x07, "undefined command (0xff)"),
                new Invalid("RSV 1", hex("05 01 01 01 01020304 0050"), 0x01, "reserved byte not zero (0x01)"),
                new Invalid("ATYP 0", hex("05 01 00 00"), 0x08, "unknown address type (0x00)"),
                new Invalid("ATYP 2", hex("05 01 00 02"), 0x08, "unknown address type (0x02)"),
                new Invalid("ATYP 9", hex("05 01 00 09"), 0x08, "unknown address type (0x09)"),
                new Invalid("ATYP 0x83 is unsigned", hex("05 01 00 83"), 0x08, "unknown address type (0x83)"),
                new Invalid("domain length 0", hex("05 01 00 03 00 0050"), 0x01, "empty domain name"),
                new Invalid("domain with NUL", hex("05 01 00 03 03 610062 0050"), 0x01, "domain name contains NUL"));
    }

    /** Requests cut short; the handler meets the end of the stream. */
    static List<byte[]> truncated() {
        return List.of(
                new byte[0],
                hex("05 01 00"),
                hex("05 01 00 01 0102"),
                hex("05 01 00 01 01020304 00"),
                hex("05 01 00 04 20010db8"),
                hex("05 01 00 03"),
                hex("05 01 00 03 0b 6578"));
    }

    private static SocksRequest request(Command command, InetAddress address, int port) {
        return new SocksRequest(SocksVersion.SOCKS5, command, Endpoint.ofAddress(address, port), "");
    }

    private static SocksRequest named(String host, int port) {
        return new SocksRequest(SocksVersion.SOCKS5, Command.CONNECT, Endpoint.ofName(host, port), "");
    }
}
