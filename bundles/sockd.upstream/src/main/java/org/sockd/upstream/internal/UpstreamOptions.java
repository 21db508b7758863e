package org.sockd.upstream.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import java.util.Locale;
import org.sockd.api.upstream.NameResolution;
import org.sockd.api.upstream.UpstreamAuth;
import org.sockd.api.upstream.UpstreamProtocol;
import org.sockd.common.text.SyntaxException;

/** The {@code resolve=} and {@code auth=} options of an upstream line, with their defaults per protocol. */
final class UpstreamOptions {

    private UpstreamOptions() {
    }

    /**
     * SOCKS 4 can only carry an address; SOCKS 4A resolves here when it can, as the 4.3 library
     * did; SOCKS 5 and HTTP pass the name on.
     */
    static NameResolution resolve(UpstreamProtocol protocol, String value) throws SyntaxException {
        NameResolution fallback = switch (protocol) {
            case SOCKS4 -> NameResolution.LOCAL;
            case SOCKS4A -> NameResolution.AUTO;
            case SOCKS5, HTTP -> NameResolution.REMOTE;
        };
        if (value == null) {
            return fallback;
        }
        NameResolution resolve = switch (value) {
            case "local" -> NameResolution.LOCAL;
            case "remote" -> NameResolution.REMOTE;
            case "auto" -> NameResolution.AUTO;
            default -> throw new SyntaxException("Invalid resolve= " + quoted(value) + " (local, remote or auto)");
        };
        if (protocol == UpstreamProtocol.SOCKS4 && resolve != NameResolution.LOCAL) {
            throw new SyntaxException("a socks4:// upstream needs an address: resolve=local"
                    + " (socks4a:// passes names on)");
        }
        return resolve;
    }

    static UpstreamAuth auth(String value, boolean socks4, boolean forwardAllowed) throws SyntaxException {
        if (value == null) {
            return UpstreamAuth.NONE;
        }
        UpstreamAuth auth;
        try {
            auth = UpstreamAuth.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SyntaxException("Invalid auth= " + quoted(value) + " (none, password or forward)");
        }
        if (socks4 && auth != UpstreamAuth.NONE) {
            throw new SyntaxException("SOCKS 4 has no login: auth=" + value + " needs socks5:// or http://");
        }
        if (auth == UpstreamAuth.FORWARD && !forwardAllowed) {
            throw new SyntaxException("auth=forward passes the clients' passwords on: it needs the property"
                    + " auth.forward.allowed=true");
        }
        return auth;
    }
}
