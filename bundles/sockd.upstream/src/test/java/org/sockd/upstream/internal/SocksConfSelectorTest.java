package org.sockd.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.sockd.upstream.internal.Requests.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.TryOutcome;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamHealth;

/** The component: loading, reloading, failing closed, the default server, dump and the upstreams' marks. */
class SocksConfSelectorTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    @Test
    void aReloadSwapsTheTableAndABadFileKeepsTheOldOne() throws IOException {
        Path file = write("direct 0.0.0.0 0.0.0.0\n");
        SocksConfSelector selector = selector(new TestConfig(file), Map.of());
        assertThat(selector.select(connect("10.0.0.1", 80))).isInstanceOf(NextHop.Direct.class);

        write("upstream b socks4://127.0.0.1:11081\nsockd @=b 0.0.0.0 0.0.0.0\n");
        assertThat(selector.reload()).isEqualTo(new ReloadResult.Reloaded(file.toString(), 1));
        assertThat(SelectionTest.servers(selector.select(connect("10.0.0.1", 80)))).containsExactly("b");

        write("sockd @=b 0.0.0.0 0.0.0.0 eqq 80\n");
        assertThat(selector.reload()).isEqualTo(new ReloadResult.Failed(file.toString(), List.of(file
                + ":1: Invalid comparison \"eqq\" (one of eq, neq, lt, gt, le, ge)")));
        assertThat(SelectionTest.servers(selector.select(connect("10.0.0.1", 80)))).containsExactly("b");
    }

    @Test
    void aFileWithErrorsAtStartRefusesEveryRequest() throws IOException {
        Path file = write("direct 0.0.0.0\n");
        SocksConfSelector selector = selector(new TestConfig(file), Map.of());
        assertThat(selector.select(connect("10.0.0.1", 80))).isInstanceOfSatisfying(NextHop.Deny.class, deny ->
                assertThat(deny.reason()).startsWith(file + " has errors (" + file + ":1: Invalid entry"));
        assertThat(selector.table()).isEmpty();
        assertThat(selector.title()).isEqualTo("no next hops: " + file + " has errors; every request is refused");
    }

    @Test
    void aMissingFileRefusesEveryRequestInsteadOfGoingDirect() {
        SocksConfSelector selector = selector(new TestConfig(dir.resolve("socks.conf")), Map.of());
        assertThat(selector.select(connect("10.0.0.1", 80))).isInstanceOf(NextHop.Deny.class);
    }

    @Test
    void theDefaultServerComesFromThePropertyElseFromSocksServer() throws IOException {
        Path file = write("sockd 0.0.0.0 0.0.0.0\n");
        SocksConfSelector fromEnvironment = selector(new TestConfig(file), Map.of("SOCKS_SERVER", "fw1,fw2"));
        assertThat(SelectionTest.servers(fromEnvironment.select(connect("10.0.0.1", 80)))).containsExactly("fw1", "fw2");
        SocksConfSelector fromProperty = selector(new TestConfig(file.toString(), "fw3", 1, 300),
                Map.of("SOCKS_SERVER", "fw1"));
        assertThat(SelectionTest.servers(fromProperty.select(connect("10.0.0.1", 80)))).containsExactly("fw3");
    }

    @Test
    void reportsMarkAnUpstreamUntilTheMarkExpiresOrAReload() throws IOException {
        Path file = write("route.badexpire: 2\nsockd @=dead,live 0.0.0.0 0.0.0.0\n");
        SocksConfSelector selector = selector(new TestConfig(file), Map.of());
        Upstream dead = ((NextHop.Try) selector.select(connect("10.0.0.1", 80))).upstreams().get(0);
        selector.report(dead, TryOutcome.FAILED);
        assertThat(SelectionTest.servers(selector.select(connect("10.0.0.1", 80)))).containsExactly("live", "dead");
        clock.advance(Duration.ofMillis(500));
        assertThat(selector.upstreams()).extracting(UpstreamHealth::failures, UpstreamHealth::markAge)
                .containsExactly(tuple(1, Duration.ofMillis(500)),
                        tuple(0, null));

        clock.advance(Duration.ofMillis(1500));
        assertThat(SelectionTest.servers(selector.select(connect("10.0.0.1", 80)))).containsExactly("dead", "live");

        selector.report(dead, TryOutcome.FAILED);
        selector.reload();
        assertThat(selector.upstreams()).allSatisfy(health -> assertThat(health.bad()).isFalse());
    }

    @Test
    void theDumpShowsCanonicalLinesAndNeverAPassword() throws IOException {
        Path secret = Files.writeString(dir.resolve("b.pw"), "alice:s3cret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path file = write("upstream b socks5://127.0.0.1:11081 auth=password password.file=" + secret
                + "\n\nsockd@b 0.0.0.0 0.0.0.0\n");
        SocksConfSelector selector = selector(new TestConfig(file), Map.of());
        assertThat(selector.title()).isEqualTo("next hops from " + file + " (1 entry; no match is deny)");
        assertThat(selector.dump()).containsExactly("1: upstream b socks5://127.0.0.1:11081 resolve=remote"
                + " auth=password password.file=" + secret, "3: sockd @=b 0.0.0.0 0.0.0.0");
        assertThat(selector.table()).extracting(rule -> rule.line()).containsExactly(3);
        assertThat(String.valueOf(selector.upstreams())).contains("alice").doesNotContain("s3cret");
    }

    @Test
    void aFrozenTwinIsReadInsteadOfTheText() throws IOException {
        Path file = write("direct 0.0.0.0 0.0.0.0\n");
        Files.write(dir.resolve("socks.fc"), FrozenSocksConf.write(Confs.table("deny 0.0.0.0 0.0.0.0\n")));
        SocksConfSelector selector = selector(new TestConfig(file), Map.of());
        assertThat(selector.select(connect("10.0.0.1", 80))).isInstanceOf(NextHop.Deny.class);
        assertThat(selector.title()).startsWith("next hops from " + dir.resolve("socks.fc") + " (frozen from socks.conf)");
    }

    @Test
    void aPropertyOutOfRangeRefusesTheConfiguration() {
        assertThatThrownBy(() -> selector(new TestConfig(dir.resolve("x").toString(), "", -1, 300), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sockd.upstream.socksconf:");
    }

    private SocksConfSelector selector(TestConfig config, Map<String, String> env) {
        return new SocksConfSelector(config, clock, env::get);
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("socks.conf"), text);
    }
}
