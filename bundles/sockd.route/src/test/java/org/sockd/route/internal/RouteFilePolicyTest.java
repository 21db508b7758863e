package org.sockd.route.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sockd.common.testing.Await.until;
import static org.sockd.common.testing.Editor.replace;
import static org.sockd.route.internal.Tables.address;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.route.Route;
import org.sockd.api.route.RouteEntry;
import org.sockd.common.net.AddressText;
import org.sockd.common.reload.LoadResult;

/** The component as the core, SIGHUP, sockd:reload and sockd:dump see it, on real files and real interfaces. */
class RouteFilePolicyTest {

    private static final String VIA_2 = "127.0.0.2 0.0.0.0 0.0.0.0\n";
    private static final String VIA_3 = "# changed\n127.0.0.3 0.0.0.0 0.0.0.0\n";

    @TempDir
    Path dir;

    @Test
    void aGoodFileGivesTheTableTheDumpAndTheRoutes() throws Exception {
        Path file = write("127.0.0.2 10.0.0.0 255.0.0.0\n::1 :: ::\n");
        RouteFilePolicy policy = new RouteFilePolicy(new TestRouteConfig(file));

        assertThat(policy.table()).containsExactly(new RouteEntry(file.toString(), 1, "127.0.0.2 10.0.0.0 255.0.0.0"),
                new RouteEntry(file.toString(), 2, "::1 :: ::"));
        assertThat(policy.title()).isEqualTo("routes from " + file);
        assertThat(policy.dump()).containsExactly("127.0.0.2 10.0.0.0 255.0.0.0", "::1 :: ::");
        assertThat(policy.select(address("10.1.2.3"), null)).isEqualTo(
                new Route.Via(address("127.0.0.2"), policy.table().get(0)));
        assertThat(policy.select(address("11.1.2.3"), "eleven.example")).isEqualTo(
                new Route.NoRoute("Cannot find appropriate interface to communicate with 11.1.2.3"));
    }

    @Test
    void anotherFileTakesOverInPlace() throws Exception {
        Path first = write("127.0.0.2 10.0.0.0 255.0.0.0\n");
        Path second = Files.writeString(dir.resolve("other.route"), "127.0.0.3 0.0.0.0 0.0.0.0\n");
        RouteFilePolicy policy = new RouteFilePolicy(new TestRouteConfig(first));

        policy.modified(new TestRouteConfig(second));

        assertThat(policy.select(address("10.1.2.3"), null)).isEqualTo(
                new Route.Via(address("127.0.0.3"), new RouteEntry(second.toString(), 1, "127.0.0.3 0.0.0.0 0.0.0.0")));
        assertThat(policy.title()).isEqualTo("routes from " + second);
    }

    @Test
    void aBadFileAtStartFailsEveryLookupUntilAGoodReload() throws Exception {
        Path file = write("127.0.0.2 10.0.0.0\n127.0.0.2 0.0.0.0 0.0.0.0 x\n");
        RouteFilePolicy policy = new RouteFilePolicy(new TestRouteConfig(file));

        assertThat(policy.select(address("10.1.2.3"), null)).isEqualTo(new Route.NoRoute("route file " + file
                + " has errors: " + file + ":1: Invalid entry: expected 3 fields (interface address, destination, mask),"
                + " found 2 (and 1 more); no route to 10.1.2.3"));
        assertThat(policy.table()).isEmpty();
        assertThat(policy.dump()).isEmpty();
        assertThat(policy.title()).isEqualTo("no routes: " + file + " has errors; every lookup fails until a reload succeeds");

        write(VIA_2);
        assertThat(policy.reload()).isEqualTo(new ReloadResult.Reloaded(file.toString(), 1));
        assertThat(via(policy)).isEqualTo("127.0.0.2");
    }

    @Test
    void aMissingFileAtStartFailsEveryLookupWithTheClassicMessage() {
        Path file = dir.resolve("sockd.route");
        RouteFilePolicy policy = new RouteFilePolicy(new TestRouteConfig(file));
        assertThat(policy.select(address("10.1.2.3"), null)).isEqualTo(new Route.NoRoute("route file " + file
                + " has errors: " + file + ": Unable to open routing file (" + file + "): no such file;"
                + " no route to 10.1.2.3"));
    }

    @Test
    void aBrokenReloadKeepsTheOldTableAndReportsEveryBadLine() throws Exception {
        Path file = write(VIA_2);
        RouteFilePolicy policy = new RouteFilePolicy(new TestRouteConfig(file));
        write("127.0.0.3 0.0.0.0\n127.0.0.3 0.0.0.0 0.0.0.0\n127.0.0.3 10.0.0.0 ffff::\n");

        assertThat(policy.reload()).isInstanceOfSatisfying(ReloadResult.Failed.class, failed -> {
            assertThat(failed.source()).isEqualTo(file.toString());
            assertThat(failed.errors()).satisfiesExactly(
                    first -> assertThat(first).startsWith(file + ":1: Invalid entry"),
                    second -> assertThat(second).startsWith(file + ":3: Invalid destination mask"));
        });
        assertThat(via(policy)).isEqualTo("127.0.0.2");
    }

    @Test
    void aNonLocalInterfaceFailsTheReloadOnItsOwn() throws Exception {
        Path file = write(VIA_2);
        RouteFilePolicy policy = new RouteFilePolicy(new TestRouteConfig(file));
        write("203.0.113.9 0.0.0.0 0.0.0.0\n");

        assertThat(policy.reload()).isEqualTo(new ReloadResult.Failed(file.toString(),
                List.of(file + ":1: interface address 203.0.113.9 is not an address of this host")));
        assertThat(via(policy)).isEqualTo("127.0.0.2");
    }

    @Test
    void aGoodReloadSwapsTheTable() throws Exception {
        Path file = write(VIA_2);
        RouteFilePolicy policy = new RouteFilePolicy(new TestRouteConfig(file));
        write(VIA_3);

        assertThat(policy.reload()).isEqualTo(new ReloadResult.Reloaded(file.toString(), 1));
        assertThat(via(policy)).isEqualTo("127.0.0.3");
        assertThat(policy.table()).containsExactly(new RouteEntry(file.toString(), 2, "127.0.0.3 0.0.0.0 0.0.0.0"));
    }

    /** That a broken file is seen and refused by the watcher is the holder's to prove (LiveFileTest). */
    @Test
    void aChangedFileIsReloadedByTheWatcher() throws Exception {
        Path file = write(VIA_2);
        RouteFilePolicy policy = new RouteFilePolicy(new TestRouteConfig(file.toString(), true, 20));
        try {
            replace(file, VIA_3);
            until(() -> via(policy).equals("127.0.0.3"), "the route file reloaded");
        } finally {
            policy.deactivate();
        }
    }

    @Test
    void aFrozenTwinAppearingIsSeenByTheWatcher() throws Exception {
        Path file = write(VIA_2);
        RouteFilePolicy policy = new RouteFilePolicy(new TestRouteConfig(file.toString(), true, 20));
        try {
            LoadResult<RouteTable> frozenFrom = RouteParser.parse(file.toString(), VIA_3);
            Path temporary = Files.write(dir.resolve("sockd.fr.new"),
                    FrozenRouteWriter.write(((LoadResult.Valid<RouteTable>) frozenFrom).content()));
            Files.move(temporary, dir.resolve("sockd.fr"), StandardCopyOption.ATOMIC_MOVE);
            until(() -> via(policy).equals("127.0.0.3"), "the route file reloaded");
            assertThat(policy.title()).isEqualTo("routes from " + dir.resolve("sockd.fr") + " (frozen from " + file + ")");
        } finally {
            policy.deactivate();
        }
    }

    @Test
    void aWatchPeriodOfZeroIsRefused() {
        assertThatThrownBy(() -> new RouteFilePolicy(new TestRouteConfig(dir.resolve("r").toString(), true, 0)))
                .hasMessage("sockd.route.file: watch.period.ms must be greater than 0, not 0");
    }

    private static String via(RouteFilePolicy policy) {
        return switch (policy.select(address("10.1.2.3"), null)) {
            case Route.Via via -> AddressText.of(via.local());
            case Route.NoRoute none -> none.reason();
        };
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("sockd.route"), text);
    }
}
