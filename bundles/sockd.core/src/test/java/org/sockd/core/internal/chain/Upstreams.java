package org.sockd.core.internal.chain;

import java.time.Duration;
import org.sockd.api.upstream.Login;
import org.sockd.api.upstream.NameResolution;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamAuth;
import org.sockd.api.upstream.UpstreamProtocol;

/** Upstreams on the loopback interface as the selector would hand them over. */
final class Upstreams {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private Upstreams() {
    }

    static Upstream of(String name, UpstreamProtocol protocol, int port) {
        return of(name, protocol, port, NameResolution.AUTO);
    }

    static Upstream of(String name, UpstreamProtocol protocol, int port, NameResolution resolve) {
        return new Upstream(name, protocol, "127.0.0.1", port, resolve, null, UpstreamAuth.NONE, null, CONNECT_TIMEOUT);
    }

    static Upstream withLogin(String name, UpstreamProtocol protocol, int port, Login login) {
        return new Upstream(name, protocol, "127.0.0.1", port, NameResolution.REMOTE, null, UpstreamAuth.PASSWORD, login,
                CONNECT_TIMEOUT);
    }
}
