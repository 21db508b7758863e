package org.sockd.shell.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sockd.common.netdb.Services;

/** The addresses and ports sockd:check accepts; anything else is refused with a message to act on. */
final class Arguments {

    private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    /** What inet_aton() would read as a number: decimal, octal or hex parts, one to four of them. */
    private static final Pattern NUMBER_LIKE =
            Pattern.compile("([0-9]+|0[xX][0-9A-Fa-f]*)(\\.([0-9]+|0[xX][0-9A-Fa-f]*))*");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.?");
    private static final int MAX_HOST_NAME = 255;

    private Arguments() {
    }

    /** @return the client address SRC, which must be written as an address */
    static InetAddress client(String text) {
        return literal(text, "SRC").orElseThrow(() -> new IllegalArgumentException(
                "SRC must be the client's IPv4 or IPv6 address, like 10.0.0.1 or ::1, not '" + text + "'"));
    }

    /**
     * @return the address written, or empty when the text is not written as an address. A spelling
     *         that inet_aton() would read as a number but is no plain dotted quad is refused, as
     *         the core refuses it, rather than guessed at.
     */
    static Optional<InetAddress> literal(String text, String role) {
        if (text.contains(":")) {
            try {
                // The brackets make the JDK parse an IPv6 literal and never ask the name service.
                return Optional.of(InetAddress.getByName("[" + text + "]"));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(role + " '" + text + "' is not a valid IPv6 address");
            }
        }
        if (!NUMBER_LIKE.matcher(text).matches()) {
            return Optional.empty();
        }
        if (!DOTTED_QUAD.matcher(text).matches()) {
            throw new IllegalArgumentException(role + " '" + text
                    + "' is not a plain dotted quad like 192.0.2.1 (octal, hex and short forms are refused)");
        }
        byte[] bytes = new byte[4];
        String[] parts = text.split("\\.");
        for (int i = 0; i < 4; i++) {
            int part = Integer.parseInt(parts[i]);
            if (part > 255) {
                throw new IllegalArgumentException(role + " '" + text + "' has a part greater than 255");
            }
            bytes[i] = (byte) part;
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }

    /** @return the destination host name DST, checked for shape only */
    static String hostName(String text) {
        if (text.length() > MAX_HOST_NAME || !HOST_NAME.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "DST must be an IPv4 or IPv6 address or a host name, like www.example.com, not '" + text + "'");
        }
        return text;
    }

    /** @return the destination port PORT: a number, or a tcp service name as in sockd.conf */
    static int port(String text, Services services) {
        if (text.matches("[0-9]{1,5}") && Integer.parseInt(text) <= 0xFFFF) {
            return Integer.parseInt(text);
        }
        return services.port(text).orElseThrow(() -> new IllegalArgumentException(
                "PORT must be a number from 0 to 65535 or a tcp service name from /etc/services, not '" + text + "'"));
    }
}
