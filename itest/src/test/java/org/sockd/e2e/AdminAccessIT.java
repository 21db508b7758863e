package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may use the admin socket, tried with real local users: only the user the daemon runs as,
 * and root. Each layer holds by itself: the directory, the socket file's mode, and the peer's
 * credentials checked by the daemon when the file is open to all. Needs root (useradd, setpriv),
 * as in CI, where it must run; elsewhere it is skipped.
 */
class AdminAccessIT {

    /** The user a daemon runs as in the test where it is not root. */
    private static final String OWNER = "sockd-admin-a";
    private static final String OTHER = "sockd-admin-b";
    private static final String RULES = "permit 127.0.0.0 255.0.0.0\n";

    @BeforeAll
    static void users() throws Exception {
        Assumptions.assumeTrue(AdminTools.mayRunAsRoot(), "needs root: useradd and setpriv (CI runs as root)");
        LocalUsers.ensure(OWNER);
        LocalUsers.ensure(OTHER);
    }

    @Test
    void anotherUserIsRefusedByTheDirectoryTheFileModeAndThePeerCheckEachOnItsOwn(@TempDir Path home) throws Exception {
        try (Daemon daemon = AdminDaemon.start(home, RULES)) {
            Path socket = daemon.adminSocket();
            openToAll(home);

            ProgramResult byDirectory = AdminTools.ctlAs(OTHER, socket, "status");
            assertThat(byDirectory.exitCode()).as(byDirectory.toString()).isEqualTo(3);
            assertThat(byDirectory.err()).isEqualTo("sockd ctl: no daemon answers on " + socket
                    + ": Permission denied (only the user sockd runs as, and root, may use it)\n");

            openToAll(socket.getParent());
            ProgramResult byFileMode = AdminTools.ctlAs(OTHER, socket, "status");
            assertThat(byFileMode.exitCode()).as(byFileMode.toString()).isEqualTo(3);
            assertThat(byFileMode.err()).contains("Permission denied");

            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            ProgramResult byPeerCheck = AdminTools.ctlAs(OTHER, socket, "status");
            assertThat(byPeerCheck.exitCode()).as(byPeerCheck.toString()).isEqualTo(1);
            assertThat(byPeerCheck.out()).isEmpty();
            assertThat(byPeerCheck.err()).isEqualTo("refused: only the user sockd runs as, and root, may use " + socket + "\n");
            String me = System.getProperty("user.name");
            daemon.awaitLine(line -> line.contains("admin: refused user " + OTHER + " on " + socket + ": only " + me
                    + " and root may use it"), 10);
            assertThat(daemon.output()).noneMatch(line -> line.contains("admin: " + OTHER + " ran"));

            ProgramResult own = AdminTools.ctl(socket, "status");
            assertThat(own.exitCode()).as("the daemon's own user: " + own).isZero();
        }
    }

    @Test
    void rootAndTheUserTheDaemonRunsAsAreAdmittedAndNoOneElse() throws Exception {
        Path home = Files.createTempDirectory("sockd-admin-owner");
        try (Daemon daemon = AdminDaemon.startAs(OWNER, home, RULES)) {
            Path socket = daemon.adminSocket();
            assertThat(Files.getOwner(socket).getName()).isEqualTo(OWNER);
            daemon.awaitLine(line -> line.contains("admin channel listening on " + socket + ", for " + OWNER + " and root"), 10);

            ProgramResult root = AdminTools.ctl(socket, "status");
            assertThat(root.exitCode()).as("root: " + root).isZero();
            assertThat(root.out()).contains("listeners: 127.0.0.1:" + daemon.port());

            ProgramResult owner = AdminTools.ctlAs(OWNER, socket, "sessions");
            assertThat(owner.exitCode()).as(OWNER + ": " + owner).isZero();
            assertThat(owner.out()).isEqualTo("no live sessions\n");

            openToAll(home);
            openToAll(socket.getParent());
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            ProgramResult other = AdminTools.ctlAs(OTHER, socket, "status");
            assertThat(other.exitCode()).as(OTHER + ": " + other).isEqualTo(1);
            assertThat(other.err()).startsWith("refused: ");
            daemon.awaitLine(line -> line.contains("admin: refused user " + OTHER + " on " + socket + ": only " + OWNER
                    + " and root may use it"), 10);
        } finally {
            AdminTools.deleteTree(home);
        }
    }

    private static void openToAll(Path directory) throws Exception {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
