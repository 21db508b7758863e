package org.sockd.protocol.internal.proxy;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.sockd.protocol.internal.proxy.ProxyHeaderDecoder.malformed;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sockd.api.protocol.ProxyHeader;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.protocol.internal.Decoded;

/** Version 1: {@code PROXY TCP4|TCP6 source destination sport dport CR LF}, or {@code PROXY UNKNOWN ...}. */
final class ProxyV1Line {

    /** The longest line the specification allows, CR LF included. */
    static final int LONGEST = 107;
    private static final byte[] SIGNATURE = "PROXY ".getBytes(US_ASCII);
    /** {@code PROXY UNKNOWN CR LF}: no complete line is shorter, so a reader may ask for this much at once. */
    private static final int SHORTEST = 15;
    private static final Pattern PORT = Pattern.compile("0|[1-9][0-9]{0,4}");

    private ProxyV1Line() {
    }

    static Decoded<ProxyHeader> decode(byte[] buffer, int length) {
        int prefix = Math.min(length, SIGNATURE.length);
        if (!Arrays.equals(buffer, 0, prefix, SIGNATURE, 0, prefix)) {
            return malformed("a version 1 header must start with \"PROXY \"");
        }
        int scanned = Math.min(length, LONGEST);
        for (int i = 0; i < scanned; i++) {
            int b = buffer[i] & 0xff;
            if (b == '\r') {
                if (i + 2 > LONGEST) {
                    break;
                }
                if (i + 1 == length) {
                    return new Decoded.NeedMore<>(1);
                }
                if (buffer[i + 1] != '\n') {
                    return malformed("a version 1 line has a CR not followed by LF");
                }
                return parse(new String(buffer, 0, i, US_ASCII), i + 2);
            }
            if (b < 0x20 || b > 0x7e) {
                return malformed(String.format("a version 1 line holds byte 0x%02x (only printable ASCII, then CR LF)", b));
            }
        }
        if (length >= LONGEST) {
            return malformed("a version 1 line must end with CR LF within " + LONGEST + " bytes");
        }
        return new Decoded.NeedMore<>(Math.max(1, SHORTEST - length));
    }

    private static Decoded<ProxyHeader> parse(String line, int consumed) {
        String[] fields = line.split(" ", -1);
        if (fields[1].equals("UNKNOWN")) {
            // the specification tells a receiver to ignore whatever follows UNKNOWN
            return new Decoded.Done<>(new ProxyHeader.Local("version 1 UNKNOWN"), consumed);
        }
        if (!fields[1].equals("TCP4") && !fields[1].equals("TCP6")) {
            return malformed("a version 1 line names protocol \"" + fields[1] + "\", not TCP4, TCP6 or UNKNOWN");
        }
        if (fields.length != 6) {
            return malformed("a version 1 " + fields[1] + " line has " + fields.length
                    + " fields separated by single spaces, not 6");
        }
        boolean v4 = fields[1].equals("TCP4");
        Optional<InetAddress> source = address(fields[2], v4);
        Optional<InetAddress> destination = address(fields[3], v4);
        if (source.isEmpty() || destination.isEmpty()) {
            return malformed("a version 1 " + fields[1] + " line has \"" + fields[source.isEmpty() ? 2 : 3]
                    + "\" where an " + (v4 ? "IPv4 address (" + AddressLiterals.QUAD_HINT + ")" : "IPv6 address")
                    + " belongs");
        }
        int sourcePort = port(fields[4]);
        int destinationPort = port(fields[5]);
        if (sourcePort < 0 || destinationPort < 0) {
            return malformed("a version 1 line has port \"" + fields[sourcePort < 0 ? 4 : 5]
                    + "\" (expected a decimal number 0-65535 without leading zeros)");
        }
        return new Decoded.Done<>(new ProxyHeader.Proxied(new InetSocketAddress(source.get(), sourcePort),
                new InetSocketAddress(destination.get(), destinationPort)), consumed);
    }

    /** TCP6 takes IPv6 literals only and TCP4 dotted quads only. */
    private static Optional<InetAddress> address(String field, boolean v4) {
        return AddressLiterals.ipv6Like(field) == v4 ? Optional.empty() : AddressLiterals.literal(field);
    }

    /** @return the port, or -1 when the field is none */
    private static int port(String field) {
        if (!PORT.matcher(field).matches()) {
            return -1;
        }
        int port = Integer.parseInt(field);
        return port <= 65535 ? port : -1;
    }
}
