package org.sockd.common.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.sockd.api.Endpoint;
import org.sockd.common.text.LogText;

/**
 * Addresses as people write them: {@code 127.0.0.1}, IPv6 in the short form of RFC 5952 ({@code 2001:db8::1},
 * a scope as {@code %N}), and socket addresses as {@code 127.0.0.1:1080} or {@code [::1]:1080}.
 */
public final class AddressText {

    private AddressText() {
    }

    /** @return the dotted quad, or the IPv6 address in its RFC 5952 form */
    public static String of(InetAddress address) {
        if (!(address instanceof Inet6Address v6)) {
            return address.getHostAddress();
        }
        String scope = v6.getScopeId() != 0 ? "%" + v6.getScopeId() : "";
        return ipv6(v6.getAddress()) + scope;
    }

    /** @return {@code host:port}, the host in brackets when it is IPv6; an unresolved address keeps its name */
    public static String of(InetSocketAddress address) {
        InetAddress host = address.getAddress();
        if (host == null) {
            return address.getHostString() + ":" + address.getPort();
        }
        String text = of(host);
        return (host instanceof Inet6Address ? "[" + text + "]" : text) + ":" + address.getPort();
    }

    /** @return a request's destination as {@link #of(InetSocketAddress)}, a name (escaped, as clients send it) with its port */
    public static String of(Endpoint endpoint) {
        return endpoint.isName() ? LogText.escape(endpoint.host()) + ":" + endpoint.port()
                : of(new InetSocketAddress(endpoint.address(), endpoint.port()));
    }

    /**
     * Lower-case hex, no leading zeros, the longest run of two or more zero groups (the first if tied) as "::".
     * Sixteen bytes stay IPv6 even when they are IPv4-mapped, which {@link InetAddress} would make IPv4.
     *
     * @param bytes 16 bytes
     */
    public static String ipv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int runStart = -1;
        int runLength = 1;
        for (int i = 0; i < 8;) {
            int end = i;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - i > runLength) {
                runStart = i;
                runLength = end - i;
            }
            i = Math.max(end, i + 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                out.append("::");
                i += runLength - 1;
            } else {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                    out.append(':');
                }
                out.append(Integer.toHexString(groups[i]));
            }
        }
        return out.toString();
    }
}
