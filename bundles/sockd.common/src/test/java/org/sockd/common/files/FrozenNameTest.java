package org.sockd.common.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrozenNameTest {

    private static final FileTime EARLIER = FileTime.from(Instant.parse("2024-01-01T00:00:00Z"));
    private static final FileTime LATER = FileTime.from(Instant.parse("2024-01-02T00:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void aRulesFileFreezesBesideItselfByTheClassicNames() {
        assertThat(FrozenName.of(Path.of("/etc/sockd.conf"))).isEqualTo(Path.of("/etc/sockd.fc"));
        assertThat(FrozenName.of(Path.of("/etc/sockd.fc"))).isEqualTo(Path.of("/etc/sockd.fc"));
        assertThat(FrozenName.of(Path.of("/etc/rules"))).isEqualTo(Path.of("/etc/rules.fc"));
    }

    @Test
    void aRouteFileFreezesBesideItselfByTheClassicNames() {
        assertThat(FrozenName.ofRoute(Path.of("/etc/sockd.route"))).isEqualTo(Path.of("/etc/sockd.fr"));
        assertThat(FrozenName.ofRoute(Path.of("/etc/sockd.fr"))).isEqualTo(Path.of("/etc/sockd.fr"));
        assertThat(FrozenName.ofRoute(Path.of("/etc/sockd.conf"))).isEqualTo(Path.of("/etc/sockd.conf.fr"));
    }

    @Test
    void aFrozenFileIsOlderOnlyWhenItsTextWasModifiedAfterIt() throws IOException {
        Path text = file("sockd.conf", LATER);
        assertThat(FrozenName.olderThan(file("sockd.fc", EARLIER), text)).isTrue();
        assertThat(FrozenName.olderThan(file("sockd.fc", LATER), text)).isFalse();
        assertThat(FrozenName.olderThan(text, text)).as("a frozen file named directly").isFalse();
    }

    @Test
    void aMissingTextOrFrozenFileMakesNothingOlder() throws IOException {
        assertThat(FrozenName.olderThan(file("sockd.fc", EARLIER), dir.resolve("sockd.conf"))).isFalse();
        assertThat(FrozenName.olderThan(dir.resolve("none.fc"), file("none.conf", LATER))).isFalse();
    }

    private Path file(String name, FileTime modified) throws IOException {
        Path file = Files.writeString(dir.resolve(name), name);
        Files.setLastModifiedTime(file, modified);
        return file;
    }
}
