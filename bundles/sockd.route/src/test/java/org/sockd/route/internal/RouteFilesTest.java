package org.sockd.route.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.route.internal.Tables.select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.LoadResult;
import org.sockd.common.testing.RecordingLogger;

/**
 * Which file the daemon reads (the frozen twin first, unless it is older than the text) and the
 * check that interfaces belong to this host, with the host's real addresses (127/8 and ::1 are
 * always local on Linux).
 */
class RouteFilesTest {

    private static final String TEXT_ROUTES = "127.0.0.2 0.0.0.0 0.0.0.0\n";
    private static final String FROZEN_ROUTES = "127.0.0.3 0.0.0.0 0.0.0.0\n";
    private static final Instant EARLIER = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2026-01-02T00:00:00Z");

    @TempDir
    Path dir;

    private final RecordingLogger log = new RecordingLogger();
    private final RouteFiles files = new RouteFiles(LocalAddresses.system(), log.logger());

    @Test
    void aFrozenTwinNotOlderThanTheTextIsRead() throws Exception {
        Path text = text(TEXT_ROUTES, EARLIER);
        Path frozen = frozen(FROZEN_ROUTES, "sockd.fr", EARLIER);

        RouteTable table = loaded(files.load(text));
        assertThat(select(table, "10.0.0.1", null)).isEqualTo("127.0.0.3");
        assertThat(table.title()).isEqualTo("routes from " + frozen + " (frozen from " + dir.resolve("frozen-from.route") + ")");
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void aFrozenTwinOlderThanTheTextIsPassedOverWithAWarning() throws Exception {
        Path text = text(TEXT_ROUTES, LATER);
        Path frozen = frozen(FROZEN_ROUTES, "sockd.fr", EARLIER);

        assertThat(select(loaded(files.load(text)), "10.0.0.1", null)).isEqualTo("127.0.0.2");
        assertThat(log.lines()).containsExactly(new RecordingLogger.Line("warn",
                frozen + " is older than " + text + ": reading the text; run bin/sockd make-fr after every edit"));
    }

    @Test
    void aFrozenTwinAloneIsRead() throws Exception {
        frozen(FROZEN_ROUTES, "sockd.fr", EARLIER);
        assertThat(select(loaded(files.load(dir.resolve("sockd.route"))), "10.0.0.1", null)).isEqualTo("127.0.0.3");
    }

    @Test
    void aFrozenFileMayBeNamedDirectlyByAnyName() throws Exception {
        Path frozen = frozen(FROZEN_ROUTES, "sockd.fr", EARLIER);
        assertThat(select(loaded(files.load(frozen)), "10.0.0.1", null)).isEqualTo("127.0.0.3");

        Path other = frozen(FROZEN_ROUTES, "routes-frozen", EARLIER);
        assertThat(select(loaded(files.load(other)), "10.0.0.1", null)).isEqualTo("127.0.0.3");
    }

    @Test
    void loopbackAndIpv6InterfacesOfThisHostAreAccepted() throws Exception {
        Path text = text("127.0.0.1 10.0.0.0 255.0.0.0\n127.0.0.5 0.0.0.0 0.0.0.0\n::1 :: ::\n", EARLIER);
        assertThat(loaded(files.load(text)).lines()).hasSize(3);
    }

    /** 203.0.113.0/24 is TEST-NET-3: documentation only, never an address of a real interface. */
    @Test
    void anInterfaceThatIsNotAnAddressOfThisHostIsAnErrorNamingFileAndLine() throws Exception {
        Path text = text("127.0.0.2 10.0.0.0 255.0.0.0\n203.0.113.9 0.0.0.0 0.0.0.0\n", EARLIER);
        assertThat(files.load(text)).isEqualTo(new LoadResult.Invalid<>(List.of(
                new FileError(text.toString(), 2, "interface address 203.0.113.9 is not an address of this host"))));
    }

    @Test
    void aFrozenFileIsCheckedForLocalInterfacesTooAndTheErrorNamesBothFiles() throws Exception {
        Path frozen = frozen("# made elsewhere\n203.0.113.9 0.0.0.0 0.0.0.0\n", "sockd.fr", EARLIER);
        String where = frozen + " (frozen from " + dir.resolve("frozen-from.route") + ")";
        assertThat(files.load(dir.resolve("sockd.route"))).isEqualTo(new LoadResult.Invalid<>(List.of(
                new FileError(where, 2, "interface address 203.0.113.9 is not an address of this host"))));
    }

    private Path text(String routes, Instant modified) throws Exception {
        Path text = Files.writeString(dir.resolve("sockd.route"), routes);
        Files.setLastModifiedTime(text, FileTime.from(modified));
        return text;
    }

    /** Frozen from a text of its own, so that what the frozen file holds differs from sockd.route. */
    private Path frozen(String routes, String name, Instant modified) throws Exception {
        LoadResult<RouteTable> parsed = RouteParser.parse(dir.resolve("frozen-from.route").toString(), routes);
        Path frozen = Files.write(dir.resolve(name), FrozenRouteWriter.write(((LoadResult.Valid<RouteTable>) parsed).content()));
        Files.setLastModifiedTime(frozen, FileTime.from(modified));
        return frozen;
    }

    private static RouteTable loaded(LoadResult<RouteTable> result) {
        assertThat(result).isInstanceOf(LoadResult.Valid.class);
        return ((LoadResult.Valid<RouteTable>) result).content();
    }
}
