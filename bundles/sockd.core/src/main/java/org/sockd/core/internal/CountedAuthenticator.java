package org.sockd.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.sockd.api.ClientInfo;
import org.sockd.api.auth.Authentication;
import org.sockd.api.auth.Authenticator;

/** An authenticator as one session uses it: a rejection is counted, and the session counts as refused. */
record CountedAuthenticator(Authenticator delegate, Events events) implements Authenticator {

    static List<Authenticator> all(List<Authenticator> authenticators, Events events) {
        return authenticators.stream().<Authenticator>map(a -> new CountedAuthenticator(a, events)).toList();
    }

    @Override
    public int method() {
        return delegate.method();
    }

    @Override
    public Authentication authenticate(InputStream in, OutputStream out, ClientInfo client) throws IOException {
        Authentication result = delegate.authenticate(in, out, client);
        if (result instanceof Authentication.Rejected) {
            events.authenticationFailed();
        }
        return result;
    }
}
