package org.sockd.protocol.internal.v4;

import static org.sockd.protocol.internal.Bytes.concat;
import static org.sockd.protocol.internal.Bytes.hex;
import static org.sockd.protocol.internal.Bytes.ip;
import static org.sockd.protocol.internal.Bytes.repeat;
import static org.sockd.protocol.internal.Bytes.text;

import java.util.List;
import org.sockd.api.Command;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.protocol.SocksRequest;

/** SOCKS 4 requests as they arrive after VN, shared by the decoder and handler tests. */
final class Socks4Cases {

    record Valid(String name, byte[] input, SocksRequest request) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Invalid(String name, byte[] input, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Socks4Cases() {
    }

    static List<Valid> valid() {
        String user255 = "u".repeat(255);
        String host255 = "h".repeat(255);
        return List.of(
                new Valid("CONNECT", hex("01 0050 01020304 66726564 00"), v4(Command.CONNECT, "1.2.3.4", 80, "fred")),
                new Valid("CONNECT, empty user-id", hex("01 0050 7f000001 00"), v4(Command.CONNECT, "127.0.0.1", 80, "")),
                new Valid("BIND", hex("02 0015 0a000001 667470 00"), v4(Command.BIND, "10.0.0.1", 21, "ftp")),
                new Valid("port is unsigned", hex("01 ffff 01020304 00"), v4(Command.CONNECT, "1.2.3.4", 65535, "")),
                new Valid("DSTIP 0.0.0.0 is not 4A", hex("01 1f90 00000000 00"), v4(Command.CONNECT, "0.0.0.0", 8080, "")),
                new Valid("user-id is ISO-8859-1", hex("01 0050 01020304 e9ff 00"),
                        v4(Command.CONNECT, "1.2.3.4", 80, "\u00e9\u00ff")),
                new Valid("user-id of 255 bytes", concat(hex("01 0050 01020304"), text(user255), hex("00")),
                        v4(Command.CONNECT, "1.2.3.4", 80, user255)),
                new Valid("4A CONNECT", concat(hex("01 01bb 00000001 00"), text("example.com"), hex("00")),
                        v4a(Command.CONNECT, "example.com", 443, "")),
                new Valid("4A BIND with user-id", concat(hex("02 0015 000000ff 626f62 00"), text("ftp.example.org"), hex("00")),
                        v4a(Command.BIND, "ftp.example.org", 21, "bob")),
                new Valid("4A host of 255 bytes", concat(hex("01 0050 00000001"), text(user255), hex("00"), text(host255), hex("00")),
                        v4a(Command.CONNECT, host255, 80, user255)));
    }

    static List<Invalid> malformed() {
        return List.of(
                new Invalid("CD 0", hex("00 0050 01020304 00"), "undefined command (0x 0)"),
                new Invalid("CD 3", hex("03 0050 01020304 00"), "undefined command (0x 3)"),
                new Invalid("CD 0x80 is unsigned", hex("80 0050 01020304 00"), "undefined command (0x80)"),
                new Invalid("user-id of 256 bytes", concat(hex("01 0050 01020304"), repeat('u', 256), hex("00")),
                        "user-id longer than 255 bytes"),
                new Invalid("4A empty host", hex("01 0050 00000001 00 00"), "empty host name"),
                new Invalid("4A host of 256 bytes", concat(hex("01 0050 00000001 00"), repeat('h', 256), hex("00")),
                        "host name longer than 255 bytes"));
    }

    /** Requests cut short; the handler meets the end of the stream. */
    static List<Invalid> truncated() {
        return List.of(
                new Invalid("nothing after VN", new byte[0], "truncated request"),
                new Invalid("header cut", hex("01 0050 0102"), "truncated request"),
                new Invalid("user-id without NUL", hex("01 0050 01020304 66726564"), "truncated request"),
                new Invalid("4A marker without host", hex("01 0050 00000001 00"), "truncated request"),
                new Invalid("4A host without NUL", hex("01 0050 00000001 00 6162"), "truncated request"));
    }

    private static SocksRequest v4(Command command, String address, int port, String user) {
        return new SocksRequest(SocksVersion.SOCKS4, command, Endpoint.ofAddress(ip(address), port), user);
    }

    private static SocksRequest v4a(Command command, String host, int port, String user) {
        return new SocksRequest(SocksVersion.SOCKS4A, command, Endpoint.ofName(host, port), user);
    }
}
