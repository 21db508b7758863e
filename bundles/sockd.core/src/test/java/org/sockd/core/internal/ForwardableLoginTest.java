package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockd.api.ClientInfo;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.auth.Authentication;
import org.sockd.api.auth.Authenticator;
import org.sockd.api.upstream.Login;
import org.sockd.api.upstream.NameResolution;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.TryLimits;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamAuth;
import org.sockd.api.upstream.UpstreamProtocol;

/** The client's password reaches a forwarding upstream only, and the protocol handler never. */
class ForwardableLoginTest {

    private static final ClientInfo CLIENT = new ClientInfo(new InetSocketAddress("127.0.0.1", 40000),
            new InetSocketAddress("127.0.0.1", 1080));

    private final ForwardableLogin login = new ForwardableLogin();

    @Test
    void theHandlerSeesTheUserOnlyAndAForwardingPathGetsTheLoginOnce() throws IOException {
        Authentication seen = authenticate(new Authentication.Accepted("alice", "secret"));

        assertThat(seen).isEqualTo(new Authentication.Accepted("alice"));
        assertThat(login.takeFor(path(UpstreamAuth.NONE, UpstreamAuth.FORWARD))).isEqualTo(new Login("alice", "secret"));
        assertThat(login.takeFor(path(UpstreamAuth.FORWARD))).as("forgotten once taken").isNull();
    }

    @Test
    void aPathThatDoesNotForwardMakesTheSessionForgetTheLogin() throws IOException {
        authenticate(new Authentication.Accepted("alice", "secret"));

        assertThat(login.takeFor(new NextHop.Direct(null))).isNull();
        assertThat(login.takeFor(path(UpstreamAuth.FORWARD))).as("already forgotten").isNull();
    }

    @Test
    void withoutAHandedOverPasswordThereIsNothingToForward() throws IOException {
        assertThat(authenticate(new Authentication.Accepted("alice"))).isEqualTo(new Authentication.Accepted("alice"));
        assertThat(authenticate(new Authentication.Rejected("bob", "wrong password")))
                .isEqualTo(new Authentication.Rejected("bob", "wrong password"));

        assertThat(login.takeFor(path(UpstreamAuth.FORWARD))).isNull();
    }

    private Authentication authenticate(Authentication result) throws IOException {
        Authenticator fixed = new Authenticator() {
            @Override
            public int method() {
                return 2;
            }

            @Override
            public Authentication authenticate(InputStream in, OutputStream out, ClientInfo client) {
                return result;
            }
        };
        List<Authenticator> watched = login.watching(List.of(fixed));
        assertThat(watched).singleElement().extracting(Authenticator::method).isEqualTo(2);
        return watched.get(0).authenticate(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), CLIENT);
    }

    private static NextHop path(UpstreamAuth... auths) {
        List<Upstream> upstreams = Arrays.stream(auths).map(auth -> new Upstream("u" + auth.ordinal(),
                UpstreamProtocol.SOCKS5, "127.0.0.1", 1080 + auth.ordinal(), NameResolution.REMOTE, null, auth,
                auth == UpstreamAuth.PASSWORD ? new Login("x", "y") : null, Duration.ofSeconds(1))).toList();
        return new NextHop.Try(new MatchedRule("socks.conf", 2, "sockd @=u 0.0.0.0 0.0.0.0", null), upstreams, new TryLimits(8, Duration.ofSeconds(5)));
    }
}
