package org.sockd.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.sockd.api.ClientInfo;
import org.sockd.api.auth.Authentication;
import org.sockd.api.auth.Authenticator;
import org.sockd.api.upstream.Login;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.UpstreamAuth;

/**
 * The client's own login of one session, for an upstream that forwards it (socks.conf
 * {@code auth=forward}). It exists only where the authenticator handed the password over
 * ({@code login.forward}); the protocol handler never sees the password, and the session lets go
 * of it once socks.conf has chosen a path that does not forward it.
 */
final class ForwardableLogin {

    private Login login;

    /** @return the authenticators, each keeping here the login it accepts with a password */
    List<Authenticator> watching(List<Authenticator> authenticators) {
        return authenticators.stream().map(this::watching).toList();
    }

    private Authenticator watching(Authenticator authenticator) {
        return new Authenticator() {
            @Override
            public int method() {
                return authenticator.method();
            }

            @Override
            public Authentication authenticate(InputStream in, OutputStream out, ClientInfo client) throws IOException {
                Authentication result = authenticator.authenticate(in, out, client);
                if (result instanceof Authentication.Accepted accepted && accepted.password() != null) {
                    login = new Login(accepted.user(), accepted.password());
                    return new Authentication.Accepted(accepted.user());
                }
                return result;
            }
        };
    }

    /**
     * Hands the login over if one of the upstreams chosen forwards it, and forgets it either way.
     *
     * @return the login, or {@code null} when no chosen upstream forwards it or there is none
     */
    Login takeFor(NextHop hop) {
        Login kept = login;
        login = null;
        boolean forwards = hop instanceof NextHop.Try tries
                && tries.upstreams().stream().anyMatch(upstream -> upstream.auth() == UpstreamAuth.FORWARD);
        return forwards ? kept : null;
    }
}
