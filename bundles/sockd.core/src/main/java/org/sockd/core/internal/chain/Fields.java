package org.sockd.core.internal.chain;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** What the SOCKS wire formats can carry in their counted or NUL-terminated text fields. */
final class Fields {

    /** SOCKS 5 counts a name in one byte; SOCKS 4 servers cap user-ids and names alike. */
    static final int MAX_TEXT = 255;

    private Fields() {
    }

    /** @return whether the text fits a field: at most 255 Latin-1 bytes, no NUL, nothing outside Latin-1 */
    static boolean fits(String text) {
        return text.length() <= MAX_TEXT && text.indexOf(0) < 0 && ISO_8859_1.newEncoder().canEncode(text);
    }

    /** @return whether a host name can go into an HTTP request line and header: visible ASCII only */
    static boolean fitsHttp(String name) {
        return fits(name) && name.chars().allMatch(c -> c > ' ' && c < 0x7F);
    }

    /** @param bytes 4 or 16 */
    static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address length: " + bytes.length, e);
        }
    }
}
