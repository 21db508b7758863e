package org.sockd.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.upstream.NameResolution;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.TryLimits;
import org.sockd.api.upstream.TryOutcome;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamAuth;
import org.sockd.api.upstream.UpstreamHealth;
import org.sockd.api.upstream.UpstreamProtocol;
import org.sockd.api.upstream.UpstreamSelector;
import org.sockd.common.netdb.Services;

/** sockd:upstreams and the path line of sockd:check, with a fake socks.conf. */
class UpstreamCommandsTest {

    private static final MatchedRule PERMIT = new MatchedRule("/etc/sockd.conf", 4, "permit 10.0.0.0 255.0.0.0");
    private static final MatchedRule THROUGH = new MatchedRule("/etc/socks.conf", 2, "sockd @=fw1,fw2 0.0.0.0 0.0.0.0");
    private static final Upstream FW1 = upstream("fw1", 1080);
    private static final Upstream FW2 = upstream("fw2", 1081);

    private final FakeRegistry registry = new FakeRegistry();
    private final SockdCommands commands = new SockdCommands(registry,
            new Check(new JdkNameLookup(Duration.ofSeconds(1)), () -> Services.parse(List.of())), Clock.systemUTC());

    @Test
    void upstreamsListsEachWithItsMarkOrSaysThereIsNoSocksConf() {
        assertThat(commands.upstreams()).isEqualTo("no socks.conf: every permitted request goes direct");

        registry.upstreams = Optional.of(new FakeUpstreams(new NextHop.Direct(null),
                List.of(new UpstreamHealth(FW1, 2, Duration.ofSeconds(42)), new UpstreamHealth(FW2, 0, null))));

        assertThat(commands.upstreams()).isEqualTo("""
                fw1  socks5 127.0.0.1:1080  bad, marked 42s ago, 2 failures
                fw2  socks5 127.0.0.1:1081  usable, 0 failures""");
    }

    @Test
    void checkShowsThePathSocksConfChoosesForAPermittedRequest() throws Exception {
        registry.policies.add(new PolicyService(request -> new Decision.Allow(PERMIT, IdentMode.OFF),
                new RegisteredService(ServiceKind.ACCESS_POLICY, "sockd.conf", 0, 7, "sockd.access [7]")));
        registry.upstreams = Optional.of(new FakeUpstreams(
                new NextHop.Try(THROUGH, List.of(FW1, FW2), new TryLimits(8, Duration.ofSeconds(30))), List.of()));

        assertThat(commands.check("10.0.0.1", "192.0.2.1", "80").toString()).endsWith(
                "path:     through fw1, fw2 (/etc/socks.conf:2: sockd @=fw1,fw2 0.0.0.0 0.0.0.0)");

        registry.upstreams = Optional.of(new FakeUpstreams(new NextHop.Deny("refused by socks.conf line 2", THROUGH),
                List.of()));

        assertThat(commands.check("10.0.0.1", "192.0.2.1", "80").toString()).endsWith(
                "path:     refused: refused by socks.conf line 2 (/etc/socks.conf:2: sockd @=fw1,fw2 0.0.0.0 0.0.0.0)");
    }

    private static Upstream upstream(String name, int port) {
        return new Upstream(name, UpstreamProtocol.SOCKS5, "127.0.0.1", port, NameResolution.AUTO, null,
                UpstreamAuth.NONE, null, Duration.ofSeconds(10));
    }

    private record FakeUpstreams(NextHop hop, List<UpstreamHealth> upstreams) implements UpstreamSelector {
        @Override
        public NextHop select(ConnectRequest request) {
            return hop;
        }

        @Override
        public void report(Upstream upstream, TryOutcome outcome) {
        }

        @Override
        public List<MatchedRule> table() {
            return List.of();
        }
    }
}
