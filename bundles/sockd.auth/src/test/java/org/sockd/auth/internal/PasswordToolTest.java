package org.sockd.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.reload.LoadResult;
import org.sockd.common.testing.Captured;

/** bin/sockd passwd: add, change, delete, the file it writes, and what it refuses. */
class PasswordToolTest {

    @TempDir
    Path dir;

    private final Captured out = new Captured();
    private final Captured err = new Captured();

    @Test
    void addsAUserToANewFileWithMode0600() throws Exception {
        Path file = dir.resolve("sockd.passwd");

        assertThat(run("wonderland", "passwd", file.toString(), "alice")).isZero();

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(verify(file, "alice", "wonderland")).isEqualTo(Verifier.Outcome.ACCEPTED);
        assertThat(out.text()).isEqualTo("added alice in " + file + "\n");
        assertThat(Files.readString(file)).startsWith("alice:pbkdf2-sha256:" + Fixtures.ITERATIONS + ":").endsWith("\n");
    }

    @Test
    void theShippedCostIsOwaspsRecommendation() {
        assertThat(Pbkdf2.DEFAULT_ITERATIONS).isEqualTo(210_000);
    }

    @Test
    void changesAPasswordAndKeepsEveryOtherLineAsItWas() throws Exception {
        Path file = dir.resolve("sockd.passwd");
        String bob = Fixtures.line("bob", "b");
        String header = "# SOCKS 5 users\r\n\n";
        writePrivate(file, header + Fixtures.line("alice", "old") + "\n" + bob + "\n# end");

        assertThat(run("new", "passwd", file.toString(), "alice")).isZero();

        List<String> lines = List.of(Files.readString(file).split("\n", -1));
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("# SOCKS 5 users\r");
        assertThat(lines.get(1)).isEmpty();
        assertThat(lines.get(2)).startsWith("alice:");
        assertThat(lines.subList(3, 6)).containsExactly(bob, "# end", "");
        assertThat(verify(file, "alice", "new")).isEqualTo(Verifier.Outcome.ACCEPTED);
        assertThat(verify(file, "alice", "old")).isEqualTo(Verifier.Outcome.WRONG_PASSWORD);
        assertThat(verify(file, "bob", "b")).isEqualTo(Verifier.Outcome.ACCEPTED);
        assertThat(out.text()).isEqualTo("changed the password of alice in " + file + "\n");
    }

    @Test
    void aPlainTextLineForTheUserIsReplacedToo() throws Exception {
        Path file = dir.resolve("sockd.passwd");
        writePrivate(file, "alice:" + Fixtures.CANARY + "\n");

        assertThat(run("new", "passwd", file.toString(), "alice")).isZero();

        assertThat(Files.readString(file)).doesNotContain(Fixtures.CANARY);
        assertThat(verify(file, "alice", "new")).isEqualTo(Verifier.Outcome.ACCEPTED);
    }

    @Test
    void deletesAUser() throws Exception {
        Path file = dir.resolve("sockd.passwd");
        writePrivate(file, "# users\n" + Fixtures.line("alice", "a") + "\n" + Fixtures.line("bob", "b") + "\n");

        assertThat(run("", "passwd", "-d", file.toString(), "alice")).isZero();

        assertThat(Files.readString(file)).startsWith("# users\nbob:").doesNotContain("alice");
        assertThat(out.text()).isEqualTo("deleted alice from " + file + "\n");
    }

    @Test
    void deletingAUserWhoIsNotThereFails() throws Exception {
        Path file = dir.resolve("sockd.passwd");
        writePrivate(file, Fixtures.line("bob", "b") + "\n");

        assertThat(run("", "passwd", "-d", file.toString(), "alice")).isEqualTo(1);
        assertThat(err.text()).isEqualTo("sockd passwd: alice is not in " + file + "\n");
        assertThat(run("", "passwd", "-d", dir.resolve("none").toString(), "alice")).isEqualTo(1);
    }

    @Test
    void theFileIsReplacedByARenameAndKeepsItsMode() throws Exception {
        Path file = dir.resolve("sockd.passwd");
        writePrivate(file, Fixtures.line("bob", "b") + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Object before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

        assertThat(run("a", "passwd", file.toString(), "alice")).isZero();

        // a new inode: the old file was never written in place, so a reader saw it whole or not at all
        assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).isNotEqualTo(before);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void aFileTheDaemonWouldRefuseKeepsItsModeAndTheToolSaysHowToMendIt() throws Exception {
        Path file = dir.resolve("sockd.passwd");
        Files.writeString(file, Fixtures.line("bob", "b") + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(run("a", "passwd", file.toString(), "alice")).isZero();

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(err.text()).isEqualTo("sockd passwd: warning: the daemon refuses " + file + " as it is: readable by"
                + " others (mode 0644): make it private with chmod 600 " + file + "\n");
    }

    @Test
    void aPrivateFileGetsNoWarning() throws Exception {
        Path file = dir.resolve("sockd.passwd");

        assertThat(run("a", "passwd", file.toString(), "alice")).isZero();

        assertThat(err.text()).isEmpty();
    }

    @Test
    void aSymbolicLinkStaysALink() throws Exception {
        Path real = dir.resolve("real.passwd");
        writePrivate(real, Fixtures.line("bob", "b") + "\n");
        Path link = Files.createSymbolicLink(dir.resolve("sockd.passwd"), real);

        assertThat(run("a", "passwd", link.toString(), "alice")).isZero();

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(verify(real, "alice", "a")).isEqualTo(Verifier.Outcome.ACCEPTED);
    }

    @Test
    void refusesAnEmptyOrTooLongPassword() throws Exception {
        Path file = dir.resolve("sockd.passwd");
        assertThat(run("", "passwd", file.toString(), "alice")).isEqualTo(1);
        assertThat(err.text()).isEqualTo("sockd passwd: the password is empty\n");
        err.reset();
        assertThat(run("é".repeat(128), "passwd", file.toString(), "alice")).isEqualTo(1);
        assertThat(err.text()).isEqualTo("sockd passwd: a password is at most 255 bytes in UTF-8 (RFC 1929)\n");
        assertThat(Files.exists(file)).isFalse();
        assertThat(run("é".repeat(127) + "x", "passwd", file.toString(), "alice")).isZero();
    }

    @Test
    void refusesUserNamesThePasswordFileOrRfc1929CannotHold() throws Exception {
        Path file = dir.resolve("sockd.passwd");
        for (String user : List.of("al:ice", "al\u0007ice", "al\nice", "u".repeat(256), "é".repeat(128), "", " alice",
                "#alice", "al\u202eice")) {
            err.reset();
            assertThat(run("a", "passwd", file.toString(), user)).as(user).isEqualTo(1);
            assertThat(err.text()).as(user).startsWith("sockd passwd: a user name ").doesNotContain(Fixtures.CANARY);
        }
        assertThat(Files.exists(file)).isFalse();
        assertThat(run("a", "passwd", file.toString(), "u".repeat(255))).isZero();
    }

    @Test
    void aPasswordInputErrorIsReported() throws Exception {
        PasswordInput none = () -> {
            throw new IOException("the passwords do not match");
        };
        assertThat(PasswordTool.run(List.of("passwd", dir.resolve("f").toString(), "alice"), none, Fixtures.ITERATIONS,
                out.stream(), err.stream())).isEqualTo(1);
        assertThat(err.text()).isEqualTo("sockd passwd: the passwords do not match\n");
    }

    @Test
    void wrongArgumentsPrintTheUsageAndTouchNoFile() throws IOException {
        String file = dir.resolve("sockd.passwd").toString();
        assertThat(run("a")).isEqualTo(2);
        assertThat(run("a", "passwd", file)).isEqualTo(2);
        assertThat(run("a", "passwd", "-d", file)).isEqualTo(2);
        assertThat(run("a", "passwd", file, "alice", "extra")).isEqualTo(2);
        assertThat(run("a", "passwd", "-x", file, "alice")).isEqualTo(2);
        assertThat(run("a", "make-fc", file, "alice")).isEqualTo(2);
        assertThat(err.text()).contains("usage: sockd passwd FILE USER");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private int run(String password, String... args) {
        PasswordInput input = () -> PasswordInput.firstLine(
                new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
        return PasswordTool.run(List.of(args), input, Fixtures.ITERATIONS, out.stream(), err.stream());
    }

    private static Verifier.Outcome verify(Path file, String user, String password) {
        LoadResult<Users> result = PasswordFile.read(file, true, System.getProperty("user.name"));
        assertThat(result).isInstanceOf(LoadResult.Valid.class);
        Users users = ((LoadResult.Valid<Users>) result).content();
        return new Verifier(Pbkdf2.KDF).verify(users, Optional.of(user), password.getBytes(StandardCharsets.UTF_8));
    }

    /** As an operator keeps a password file: readable and writable by its owner alone, which the daemon insists on. */
    private static void writePrivate(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
