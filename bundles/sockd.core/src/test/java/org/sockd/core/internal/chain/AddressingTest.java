package org.sockd.core.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.api.Command;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.upstream.Login;
import org.sockd.api.upstream.NameResolution;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamAuth;
import org.sockd.api.upstream.UpstreamProtocol;

/** What each protocol and resolution mode sends for names that resolve here, names that do not, and IPv6. */
class AddressingTest {

    /**
     * @param resolved {@code -} when the name does not resolve here
     * @param expected what is sent, or {@code skip:<refusal>}
     */
    @ParameterizedTest(name = "{0} resolve={1} {2} {3} -> {4}")
    @CsvSource({
        "SOCKS4,  REMOTE, far.test, 10.0.0.1,     10.0.0.1",
        "SOCKS4,  AUTO,   far.test, -,            skip:HOST_UNREACHABLE",
        "SOCKS4,  AUTO,   far.test, 2001:db8::1,  skip:GENERAL_FAILURE",
        "SOCKS4A, LOCAL,  far.test, -,            skip:HOST_UNREACHABLE",
        "SOCKS4A, AUTO,   far.test, 10.0.0.1,     10.0.0.1",
        "SOCKS4A, AUTO,   far.test, -,            far.test",
        "SOCKS4A, AUTO,   far.test, 2001:db8::1,  far.test",
        "SOCKS4A, REMOTE, far.test, 10.0.0.1,     far.test",
        "SOCKS5,  REMOTE, far.test, 10.0.0.1,     far.test",
        "SOCKS5,  LOCAL,  far.test, 2001:db8::1,  2001:db8::1",
        "SOCKS5,  LOCAL,  far.test, -,            skip:HOST_UNREACHABLE",
        "SOCKS5,  AUTO,   far.test, -,            far.test",
        "SOCKS5,  REMOTE, -,        10.0.0.1,     10.0.0.1",
        "HTTP,    REMOTE, far.test, 10.0.0.1,     far.test",
        "HTTP,    LOCAL,  -,        2001:db8::1,  2001:db8::1",
    })
    void whatTheUpstreamIsSent(UpstreamProtocol protocol, NameResolution resolve, String name, String resolved,
            String expected) throws UnknownHostException {
        DialRequest request = new DialRequest(Command.CONNECT, "-".equals(name) ? null : name,
                "-".equals(resolved) ? List.of() : List.of(InetAddress.getByName(resolved)), 80, "alice", null);

        Plan plan = Addressing.plan(Upstreams.of("u", protocol, 1080, resolve), request);

        if (expected.startsWith("skip:")) {
            assertThat(plan).isInstanceOfSatisfying(Plan.Skip.class,
                    skip -> assertThat(skip.refusal()).isEqualTo(Refusal.valueOf(expected.substring(5))));
        } else {
            // addresses compare in the JDK's long form, as Endpoint.hostText gives them
            String sent = expected.equals("far.test") ? expected : InetAddress.getByName(expected).getHostAddress();
            assertThat(plan).isInstanceOfSatisfying(Plan.Speak.class, speak -> {
                assertThat(speak.sent().hostText()).isEqualTo(sent);
                assertThat(speak.sent().port()).isEqualTo(80);
                assertThat(speak.userId()).isEqualTo("alice");
            });
        }
    }

    @Test
    void aUserIdThatSocks4CannotCarryMattersToSocks4Only() throws UnknownHostException {
        DialRequest request = new DialRequest(Command.CONNECT, null, List.of(InetAddress.getByName("10.0.0.1")), 80,
                "nul\0inside", null);

        assertThat(Addressing.plan(Upstreams.of("four", UpstreamProtocol.SOCKS4, 1080), request)).isInstanceOf(Plan.Skip.class);
        assertThat(Addressing.plan(Upstreams.of("five", UpstreamProtocol.SOCKS5, 1080), request)).isInstanceOf(Plan.Speak.class);
    }

    @Test
    void httpCannotBind() throws UnknownHostException {
        DialRequest bind = new DialRequest(Command.BIND, null, List.of(InetAddress.getByName("10.0.0.1")), 21, "", null);

        assertThat(Addressing.plan(Upstreams.of("h", UpstreamProtocol.HTTP, 3128), bind)).isInstanceOf(Plan.Skip.class);
    }

    @Test
    void aNameThatCouldSplitAnHttpRequestIsNeverSent() {
        DialRequest request = new DialRequest(Command.CONNECT, "a\r\nX: y", List.of(), 80, "", null);

        assertThat(Addressing.plan(Upstreams.of("h", UpstreamProtocol.HTTP, 3128, NameResolution.REMOTE), request))
                .isInstanceOf(Plan.Skip.class);
    }

    @Test
    void theUpstreamsUserIdWinsAndAForwardedLoginIsTheClients() throws UnknownHostException {
        Login client = new Login("carol", "pw");
        DialRequest request = new DialRequest(Command.CONNECT, null, List.of(InetAddress.getByName("10.0.0.1")), 80,
                "carol", client);
        Upstream named = new Upstream("n", UpstreamProtocol.SOCKS4, "127.0.0.1", 1080, NameResolution.AUTO, "daemon",
                UpstreamAuth.NONE, null, Duration.ofSeconds(1));
        Upstream forwarding = new Upstream("f", UpstreamProtocol.SOCKS5, "127.0.0.1", 1080, NameResolution.AUTO, null,
                UpstreamAuth.FORWARD, null, Duration.ofSeconds(1));

        assertThat(((Plan.Speak) Addressing.plan(named, request)).userId()).isEqualTo("daemon");
        assertThat(((Plan.Speak) Addressing.plan(forwarding, request)).login()).isSameAs(client);
        assertThat(Addressing.plan(forwarding, new DialRequest(Command.CONNECT, "h", List.of(), 80, "", null)))
                .isInstanceOf(Plan.Skip.class);
    }
}
