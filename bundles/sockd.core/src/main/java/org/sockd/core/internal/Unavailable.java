package org.sockd.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.List;
import org.sockd.api.ClientInfo;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.auth.Authentication;
import org.sockd.api.auth.Authenticator;
import org.sockd.api.route.Route;
import org.sockd.api.route.RouteEntry;
import org.sockd.api.route.RouteSelector;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.TryOutcome;
import org.sockd.api.upstream.UpstreamHealth;
import org.sockd.api.upstream.UpstreamSelector;

/**
 * Stand-ins for a policy the administrator asked for (-U, -r, -s) whose service is not registered, for
 * example while its bundle starts or after it was stopped: they refuse, so that the daemon never
 * serves clients without a password or from the system's choice of interface instead.
 */
final class Unavailable {

    static final Authenticator AUTHENTICATOR = new Authenticator() {
        @Override
        public int method() {
            return 0x02;
        }

        @Override
        public Authentication authenticate(InputStream in, OutputStream out, ClientInfo client) throws IOException {
            out.write(new byte[] {1, 1}); // RFC 1929 failure; the core then closes the connection
            out.flush();
            return new Authentication.Rejected(null, "username/password is required but no authenticator is registered");
        }
    };

    static final RouteSelector ROUTES = new RouteSelector() {
        @Override
        public Route select(InetAddress destination, String name) {
            return new Route.NoRoute("a route file is in use but no route selector is registered; no route to "
                    + destination.getHostAddress());
        }

        @Override
        public List<RouteEntry> table() {
            return List.of();
        }
    };

    static final UpstreamSelector UPSTREAMS = new UpstreamSelector() {
        @Override
        public NextHop select(ConnectRequest request) {
            return new NextHop.Deny("a socks.conf is in use but no upstream selector is registered", null);
        }

        @Override
        public void report(org.sockd.api.upstream.Upstream upstream, TryOutcome outcome) {
            // nothing was tried through this stand-in
        }

        @Override
        public List<MatchedRule> table() {
            return List.of();
        }

        @Override
        public List<UpstreamHealth> upstreams() {
            return List.of();
        }
    };

    private Unavailable() {
    }
}
