package org.sockd.common.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decisions on real files: modes set with Files.setPosixFilePermissions (chmod(1) for the
 * sticky bit, which Java cannot set) and owners changed with Files.setOwner where the test runs
 * as root, as CI does.
 */
class StrictModesTest {

    private static final String DAEMON_USER = System.getProperty("user.name");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "rw-------  |",
        "r--------  |",
        "rw-r-----  |",
        "rw-r--r--  | readable by others (mode 0644): make it private with chmod 600 ",
        "rw-rw----  | writable by its group (mode 0660): make it private with chmod 600 ",
        "rw----rw-  | readable by others and writable by others (mode 0606): make it private with chmod 600 ",
        "rw-rw-rw-  | readable by others and writable by its group and others (mode 0666): make it private with chmod 600 ",
    })
    void aSecretFileMayBeReadByItsGroupButByNoOtherAndWrittenByItsOwnerAlone(String mode, String problem)
            throws IOException {
        Path file = Files.createFile(dir.resolve("sockd.passwd"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode.strip()));

        if (problem == null) {
            assertThat(StrictModes.secretFileProblem(file, DAEMON_USER)).isEmpty();
        } else {
            assertThat(StrictModes.secretFileProblem(file, DAEMON_USER)).contains(problem.strip() + " " + file);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "rw-------  |",
        "r--------  |",
        "rw-r-----  | readable by its group (mode 0640): make it private with chmod 600 ",
        "rw-r--r--  | readable by its group and others (mode 0644): make it private with chmod 600 ",
        "rw--w----  | writable by its group (mode 0620): make it private with chmod 600 ",
        "rw-rw-rw-  | readable by its group and others and writable by its group and others (mode 0666): make it private with chmod 600 ",
    })
    void aPrivateFileIsReadAndWrittenByItsOwnerAlone(String mode, String problem) throws IOException {
        Path file = Files.createFile(dir.resolve("upstream.password"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode.strip()));

        if (problem == null) {
            assertThat(StrictModes.privateFileProblem(file, DAEMON_USER)).isEmpty();
        } else {
            assertThat(StrictModes.privateFileProblem(file, DAEMON_USER)).contains(problem.strip() + " " + file);
        }
    }

    @Test
    void aSecretFileOwnedByRootOrTheDaemonsUserIsTrustedAndByAnyoneElseNot() throws IOException {
        assumeTrue(DAEMON_USER.equals("root"), "changing a file's owner takes root");
        Path file = Files.createFile(dir.resolve("sockd.passwd"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(StrictModes.secretFileProblem(file, "nobody")).as("owned by root").isEmpty();
        Files.setOwner(file, user("nobody"));
        assertThat(StrictModes.secretFileProblem(file, "nobody")).as("owned by the daemon's user").isEmpty();
        assertThat(StrictModes.secretFileProblem(file, "sockd")).contains(
                "owned by nobody, not by root or by the daemon's user sockd: chown sockd " + file);
    }

    @Test
    void aMissingSecretFileCannotBeChecked() {
        assertThat(StrictModes.secretFileProblem(dir.resolve("missing"), DAEMON_USER))
                .contains("cannot check who may change it: no such file");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "755  |",
        "700  |",
        "775  | is writable by its group (mode 0775)",
        "757  | is writable by others (mode 0757)",
        "1777 | is writable by its group and others (mode 1777)",
    })
    void aCodeDirectoryIsWritableByItsOwnerAloneEvenWithTheStickyBit(String mode, String problem) throws Exception {
        Path deploy = chmod(Files.createDirectory(dir.resolve("deploy")), mode.strip());

        if (problem == null) {
            assertThat(StrictModes.codeDirectoryProblem(deploy, DAEMON_USER)).isEmpty();
        } else {
            assertThat(StrictModes.codeDirectoryProblem(deploy, DAEMON_USER)).contains(deploy + " " + problem.strip()
                    + ": anyone who may write there can make the daemon run their code; chmod go-w " + deploy);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "755  |",
        "1777 |",
        "777  | is writable by its group and others (mode 0777)",
        "775  | is writable by its group (mode 0775)",
    })
    void everyDirectoryAboveACodeDirectoryIsWritableByItsOwnerAloneUnlessSticky(String mode, String problem)
            throws Exception {
        Path parent = chmod(Files.createDirectory(dir.resolve("lib")), mode.strip());
        Path deploy = chmod(Files.createDirectory(parent.resolve("deploy")), "755");

        if (problem == null) {
            assertThat(StrictModes.codeDirectoryProblem(deploy, DAEMON_USER)).isEmpty();
        } else {
            assertThat(StrictModes.codeDirectoryProblem(deploy, DAEMON_USER)).contains(parent + " " + problem.strip()
                    + ": anyone who may write there can make the daemon run their code; chmod go-w " + parent);
        }
    }

    @Test
    void aCodeDirectoryIsJudgedWhereALinkToItLeads() throws Exception {
        Path deploy = chmod(Files.createDirectory(dir.resolve("deploy")), "777");
        Path link = Files.createSymbolicLink(dir.resolve("link"), deploy);

        assertThat(StrictModes.codeDirectoryProblem(link, DAEMON_USER)).hasValueSatisfying(problem ->
                assertThat(problem).startsWith(deploy + " is writable by its group and others"));
    }

    @Test
    void aFileInACodeDirectoryIsWritableByItsOwnerAlone() throws Exception {
        Path deploy = chmod(Files.createDirectory(dir.resolve("deploy")), "755");
        Path jar = chmod(Files.createFile(deploy.resolve("policy.jar")), "644");
        assertThat(StrictModes.codeDirectoryProblem(deploy, DAEMON_USER)).isEmpty();

        chmod(jar, "664");
        assertThat(StrictModes.codeDirectoryProblem(deploy, DAEMON_USER)).contains(jar
                + " is writable by its group (mode 0664): anyone who may write there can make the daemon run their"
                + " code; chmod go-w " + jar);
    }

    @Test
    void aCodeDirectoryOrAFileInItOwnedBySomeoneElseIsNotTrusted() throws Exception {
        assumeTrue(DAEMON_USER.equals("root"), "changing a file's owner takes root");
        Path deploy = chmod(Files.createDirectory(dir.resolve("deploy")), "755");
        Path jar = chmod(Files.createFile(deploy.resolve("policy.jar")), "644");
        Files.setOwner(jar, user("nobody"));

        assertThat(StrictModes.codeDirectoryProblem(deploy, "nobody")).as("the daemon's user's jar").isEmpty();
        assertThat(StrictModes.codeDirectoryProblem(deploy, "sockd")).contains(jar
                + " is owned by nobody, not by root or by the daemon's user sockd: chown sockd " + jar);

        Files.setOwner(jar, user("root"));
        Files.setOwner(deploy, user("nobody"));
        assertThat(StrictModes.codeDirectoryProblem(deploy, "sockd")).contains(deploy
                + " is owned by nobody, not by root or by the daemon's user sockd: chown sockd " + deploy);
    }

    @Test
    void theChecksAreOffOnlyWhenThePropertySaysFalse() {
        assertThat(StrictModes.on(null)).isTrue();
        assertThat(StrictModes.on("true")).isTrue();
        assertThat(StrictModes.on(" FALSE ")).isFalse();
        assertThatThrownBy(() -> StrictModes.on("no")).hasMessage("sockd.strict.modes must be true or false, not no");
    }

    private static UserPrincipal user(String name) throws IOException {
        return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
    }

    /** chmod(1), since Java has no way to set the sticky bit. */
    private static Path chmod(Path path, String mode) throws IOException, InterruptedException {
        Process chmod = new ProcessBuilder("chmod", mode, path.toString()).inheritIO().start();
        assertThat(chmod.waitFor()).as("chmod " + mode + " " + path).isZero();
        return path;
    }
}
