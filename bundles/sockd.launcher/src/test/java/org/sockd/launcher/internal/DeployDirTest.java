package org.sockd.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's verdict on the hot-deploy directory, and the switch that skips it for development. */
class DeployDirTest {

    private static final String DAEMON_USER = System.getProperty("user.name");

    @TempDir
    Path home;

    @Test
    void aDirectoryOthersMayWriteIsRefusedUnlessTheStrictModesAreOff() throws Exception {
        Path deploy = Files.createDirectory(home.resolve("deploy"));
        Files.setPosixFilePermissions(deploy, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(DeployDir.refusal(deploy, true, DAEMON_USER)).contains("will not load bundles from " + deploy + ": "
                + deploy + " is writable by its group and others (mode 0777): anyone who may write there can make the"
                + " daemon run their code; chmod go-w " + deploy);
        assertThat(DeployDir.refusal(deploy, false, DAEMON_USER)).isEmpty();
    }

    @Test
    void thePlaceholdersAreFilledInAsFileInstallFillsThemIn() {
        Map<String, String> properties = Map.of("sockd.home", "/opt/sockd");

        assertThat(DeployDir.path("${sockd.home:-.}/deploy", properties::get)).isEqualTo(Path.of("/opt/sockd/deploy"));
        assertThat(DeployDir.path("${sockd.base:-/srv}/deploy", properties::get)).isEqualTo(Path.of("/srv/deploy"));
        assertThat(DeployDir.path("/var/lib/sockd/deploy", properties::get)).isEqualTo(Path.of("/var/lib/sockd/deploy"));
        assertThat(DeployDir.path("deploy", properties::get)).isEqualTo(Path.of("deploy").toAbsolutePath());
    }

    @Test
    void aMissingDirectoryIsMadeWritableByItsOwnerAloneWhateverTheUmask() throws Exception {
        Path deploy = home.resolve("var/lib/deploy");

        DeployDir.create(deploy);

        assertThat(Files.getPosixFilePermissions(deploy)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(DeployDir.refusal(deploy, true, DAEMON_USER)).isEmpty();
    }

    @Test
    void aDirectoryItsOwnerAloneMayWriteIsLoadedFrom() throws Exception {
        Path deploy = Files.createDirectory(home.resolve("deploy"));
        Files.setPosixFilePermissions(deploy, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(DeployDir.refusal(deploy, true, DAEMON_USER)).isEmpty();
    }
}
