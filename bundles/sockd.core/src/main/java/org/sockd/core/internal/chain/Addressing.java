package org.sockd.core.internal.chain;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import org.sockd.api.Command;
import org.sockd.api.Endpoint;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.upstream.Login;
import org.sockd.api.upstream.NameResolution;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamAuth;
import org.sockd.api.upstream.UpstreamProtocol;

/**
 * Decides, before any connection, what one upstream is sent for a request: an address resolved
 * here or the client's name, by the upstream's protocol and name resolution mode. SOCKS 4 carries
 * IPv4 only; 4A adds names; SOCKS 5 and HTTP carry IPv4, IPv6 and names; HTTP cannot BIND.
 */
final class Addressing {

    private Addressing() {
    }

    static Plan plan(Upstream upstream, DialRequest request) {
        UpstreamProtocol protocol = upstream.protocol();
        if (protocol == UpstreamProtocol.HTTP && request.command() == Command.BIND) {
            return skip("HTTP CONNECT cannot BIND");
        }
        Login login = switch (upstream.auth()) {
            case NONE -> null;
            case PASSWORD -> upstream.login();
            case FORWARD -> request.clientLogin();
        };
        if (login == null && upstream.auth() != UpstreamAuth.NONE) {
            return skip("no client login to forward");
        }
        if (login != null && protocol == UpstreamProtocol.SOCKS5 && !Socks5Login.fits(login)) {
            return skip("login name or password longer than 255 bytes");
        }
        String userId = upstream.userId() != null ? upstream.userId() : request.user();
        if (isSocks4(protocol) && !Fields.fits(userId)) {
            return skip("user-id cannot be sent");
        }
        return sent(protocol, upstream.resolve(), request)
                .<Plan>map(sent -> fitting(protocol, sent, userId, login))
                .orElseGet(() -> needsAddress(protocol, request));
    }

    /** @return what the upstream gets, or empty when it needs an address the request does not give */
    private static Optional<Endpoint> sent(UpstreamProtocol protocol, NameResolution mode, DialRequest request) {
        Optional<InetAddress> address = request.addresses().stream()
                .filter(a -> !isSocks4(protocol) || a instanceof Inet4Address).findFirst();
        Optional<Endpoint> byAddress = address.map(a -> Endpoint.ofAddress(a, request.port()));
        Optional<Endpoint> byName = Optional.ofNullable(request.name()).map(n -> Endpoint.ofName(n, request.port()));
        if (protocol == UpstreamProtocol.SOCKS4) {
            return byAddress;
        }
        return switch (mode) {
            case LOCAL -> byAddress;
            case REMOTE -> byName.or(() -> byAddress);
            case AUTO -> byAddress.or(() -> byName);
        };
    }

    private static Plan fitting(UpstreamProtocol protocol, Endpoint sent, String userId, Login login) {
        if (sent.isName() && !(protocol == UpstreamProtocol.HTTP ? Fields.fitsHttp(sent.host())
                : Fields.fits(sent.host()))) {
            return skip("destination name cannot be sent");
        }
        return new Plan.Speak(sent, userId, login);
    }

    /** SOCKS 4 cannot carry IPv6; a name that did not resolve here cannot become an address. */
    private static Plan needsAddress(UpstreamProtocol protocol, DialRequest request) {
        if (!request.addresses().isEmpty()) {
            return skip(protocol.scheme() + " cannot carry an IPv6 destination");
        }
        return new Plan.Skip("needs an address, and the name does not resolve here", Refusal.HOST_UNREACHABLE);
    }

    private static boolean isSocks4(UpstreamProtocol protocol) {
        return protocol == UpstreamProtocol.SOCKS4 || protocol == UpstreamProtocol.SOCKS4A;
    }

    private static Plan skip(String reason) {
        return new Plan.Skip(reason, Refusal.GENERAL_FAILURE);
    }
}
