package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Await;

/**
 * bin/sockd refuses, as sshd's StrictModes does, a password file (-U) that others may read and a
 * deploy/ directory that others may write: exit 1 with the file, what is wrong and the command
 * that mends it, before any port opens and before any bundle of deploy/ is loaded. Mended, or with
 * -Dsockd.strict.modes=false, the same start succeeds.
 */
class StrictModesIT {


    @TempDir
    Path dir;

    @Test
    void aPasswordFileOthersMayReadStopsTheStartUntilItIsPrivateOrTheStrictModesAreOff() throws Exception {
        Path users = AuthPasswordFile.create(Map.of("alice", "secret-a"));
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-r--r--"));
        Path deploy = Files.createDirectory(dir.resolve("deploy"));
        int port = Ports.tcp();

        try (ChildProcess daemon = startDaemon(port, deploy, "", "-U", users.toString())) {
            int knocks = StartFailFastIT.knockUntilExit(port, daemon.process());

            assertThat(daemon.awaitExit(60)).as(String.join("\n", daemon.output())).isEqualTo(1);
            assertThat(knocks).as("knocks on the port, each refused").isPositive();
            assertThat(daemon.output()).contains(users + ": NOT loaded (1 error):",
                    "  " + users + ": readable by others (mode 0644): make it private with chmod 600 " + users);
            assertThat(daemon.output()).anyMatch(line -> line.startsWith("sockd: not started: a file above could not be loaded"));
        }

        try (ChildProcess daemon = startDaemon(port, deploy, "-Dsockd.strict.modes=false", "-U", users.toString())) {
            daemon.awaitLine(line -> line.contains("sockd ready"), 120);
            assertThat(daemon.output()).anyMatch(line -> line.contains(users + ": readable by others (mode 0644)")
                    && line.endsWith("; used all the same, as sockd.strict.modes is false"));
        }

        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
        try (ChildProcess daemon = startDaemon(port, deploy, "", "-U", users.toString())) {
            daemon.awaitLine(line -> line.contains("sockd ready"), 120);
            assertThat(daemon.output()).anyMatch(line -> line.contains("loaded 1 users from " + users));
        }
    }

    @Test
    void aDeployDirectoryOthersMayWriteStopsTheStartBeforeItsBundlesAreInstalledUntilMendedOrTheStrictModesAreOff()
            throws Exception {
        Path deploy = Files.createDirectory(dir.resolve("deploy"));
        Files.copy(HotDeployIT.exampleJar(), deploy.resolve("sockd.example.policy.jar"));
        Files.setPosixFilePermissions(deploy, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port = Ports.tcp();

        Path refusedStorage = dir.resolve("refused-storage");
        try (ChildProcess daemon = startDaemon(port, deploy, storage(refusedStorage))) {
            int knocks = StartFailFastIT.knockUntilExit(port, daemon.process());

            assertThat(daemon.awaitExit(60)).as(String.join("\n", daemon.output())).isEqualTo(1);
            assertThat(knocks).as("knocks on the port, each refused").isPositive();
            assertThat(daemon.output()).contains("sockd: not started: will not load bundles from " + deploy + ": "
                    + deploy + " is writable by its group and others (mode 0777): anyone who may write there can make"
                    + " the daemon run their code; chmod go-w " + deploy);
        }
        assertThat(installedBundles(refusedStorage)).as("the framework's bundles").isNotEmpty()
                .noneMatch(location -> location.contains(deploy.toString()));

        Path developmentStorage = dir.resolve("development-storage");
        try (ChildProcess daemon = startDaemon(port, deploy, storage(developmentStorage) + " -Dsockd.strict.modes=false")) {
            daemon.awaitLine(line -> line.contains("sockd ready"), 120);
            assertThat(daemon.output()).anyMatch(line -> line.contains(
                    "sockd.strict.modes=false: bundles are loaded from " + deploy + " whoever may write there"));
            Await.until(() -> installedBundles(developmentStorage).stream().anyMatch(location -> location.contains(
                    deploy.toString())), Duration.ofSeconds(60), "the example policy installed from " + deploy);
        }

        Files.setPosixFilePermissions(deploy, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path mendedStorage = dir.resolve("mended-storage");
        try (ChildProcess daemon = startDaemon(port, deploy, storage(mendedStorage))) {
            daemon.awaitLine(line -> line.contains("sockd ready"), 120);
            Await.until(() -> installedBundles(mendedStorage).stream().anyMatch(location -> location.contains(
                    deploy.toString())), Duration.ofSeconds(60), "the example policy installed from " + deploy);
        }
    }

    /** The framework keeps each installed bundle in a directory of its own, the bundle's location on the second line of bundle.info. */
    private static String storage(Path directory) {
        return "-Dlaunch.storage.dir=" + directory;
    }

    private static List<String> installedBundles(Path storage) {
        List<String> locations = new ArrayList<>();
        if (!Files.isDirectory(storage)) {
            return locations;
        }
        try (DirectoryStream<Path> bundles = Files.newDirectoryStream(storage, "bundle*")) {
            for (Path bundle : bundles) {
                Path info = bundle.resolve("bundle.info");
                if (Files.isRegularFile(info)) {
                    List<String> lines = Files.readAllLines(info);
                    if (lines.size() > 1) {
                        locations.add(lines.get(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return locations;
    }

    /** bin/sockd with its own deploy folder, configuration directory and admin socket, so no other daemon's are used. */
    private ChildProcess startDaemon(int port, Path deploy, String jvmOption, String... args) throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("sockd.admin.cfg"), "socket = \"" + dir.resolve("admin.sock") + "\"\n");
        Path rules = Files.writeString(dir.resolve("sockd.conf"), "permit 127.0.0.0 255.0.0.0\n");
        List<String> command = new ArrayList<>(List.of(ScriptProcess.script("sockd"), "-f", rules.toString(),
                "-l", "127.0.0.1:" + port, "--config-dir", config.toString()));
        command.addAll(List.of(args));
        return ScriptProcess.start(command, Map.of("SOCKD_JVM_OPTS",
                "-Dfelix.fileinstall.dir=" + deploy + " " + Daemon.hostsFileOption() + " " + jvmOption));
    }
}
