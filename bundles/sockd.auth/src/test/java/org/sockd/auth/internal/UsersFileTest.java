package org.sockd.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.auth.internal.Fixtures.line;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.api.admin.ReloadResult;
import org.sockd.common.reload.LiveFile;
import org.sockd.common.testing.RecordingLogger;

/**
 * What is particular to the password file as a live file: no users while it was never valid, errors that never
 * quote a line, a file others can read refused (at start and on reload) or, with the strict modes off, used with
 * a warning. Swapping and keeping are the holder's (LiveFileTest).
 */
class UsersFileTest {

    @TempDir
    Path dir;

    private static final String DAEMON_USER = System.getProperty("user.name");

    private final RecordingLogger log = new RecordingLogger();

    @Test
    void aBadFileAtStartLeavesNoUsers() throws Exception {
        Path file = write("alice:secret\n", "rw-------");
        LiveFile<Users> users = live(file);

        assertThat(users.current().names()).isEmpty();
        assertThat(log.lines()).extracting(RecordingLogger.Line::message)
                .anySatisfy(message -> assertThat(message).startsWith(file + ":1: user alice has no password hash"))
                .anySatisfy(message -> assertThat(message).contains("not loaded (1 error): every SOCKS 5 login fails"));
    }

    @Test
    void aBadFileOnReloadKeepsTheUsersInForce() throws Exception {
        Path file = write(line("alice", "a") + "\n", "rw-------");
        LiveFile<Users> users = live(file);
        Users before = users.current();
        write(line("alice", "a") + "\n" + "bob:" + Fixtures.CANARY + "\n", "rw-------");

        ReloadResult result = users.reload();

        assertThat(result).isInstanceOfSatisfying(ReloadResult.Failed.class, failed -> assertThat(failed.errors())
                .singleElement().asString().startsWith(file + ":2: user bob has no password hash"));
        assertThat(users.current()).isSameAs(before);
        assertThat(log.lines()).extracting(RecordingLogger.Line::message)
                .anySatisfy(message -> assertThat(message).contains("the previous users stay in force"))
                .noneSatisfy(message -> assertThat(message).contains(Fixtures.CANARY));
    }

    @Test
    void aGoodFileOnReloadReplacesTheUsers() throws Exception {
        Path file = write(line("alice", "a") + "\n", "rw-------");
        LiveFile<Users> users = live(file);
        write(line("bob", "b") + "\n" + line("carol", "c") + "\n", "rw-------");

        assertThat(users.reload()).isEqualTo(new ReloadResult.Reloaded(file.toString(), 2));
        assertThat(users.current().names()).containsExactly("bob", "carol");
    }

    @Test
    void aFileOthersCanReadIsRefusedAtStartWithTheCommandThatMendsIt() throws Exception {
        Path file = write(line("alice", "a") + "\n", "rw-r--r--");
        LiveFile<Users> users = live(file);

        assertThat(users.current().names()).isEmpty();
        assertThat(log.lines()).extracting(RecordingLogger.Line::message)
                .contains(file + ": readable by others (mode 0644): make it private with chmod 600 " + file)
                .anySatisfy(message -> assertThat(message).contains("not loaded (1 error): every SOCKS 5 login fails"));
    }

    @Test
    void aFileThatBecomesWritableByItsGroupOnReloadIsRefusedAndTheUsersStayInForce() throws Exception {
        Path file = write(line("alice", "a") + "\n", "rw-------");
        LiveFile<Users> users = live(file);
        Users before = users.current();
        write(line("alice", "a") + "\n" + line("mallory", "m") + "\n", "rw-rw----");

        ReloadResult result = users.reload();

        assertThat(result).isEqualTo(new ReloadResult.Failed(file.toString(), List.of(file
                + ": writable by its group (mode 0660): make it private with chmod 600 " + file)));
        assertThat(users.current()).isSameAs(before);
        assertThat(log.lines()).extracting(RecordingLogger.Line::message)
                .anySatisfy(message -> assertThat(message).contains("the previous users stay in force"));
    }

    @Test
    void aFileItsGroupMayReadIsUsedWithoutAWarning() throws Exception {
        LiveFile<Users> users = live(write(line("alice", "a") + "\n", "rw-r-----"));

        assertThat(users.current().names()).containsExactly("alice");
        assertThat(log.lines()).noneSatisfy(line -> assertThat(line.level()).isIn("warn", "error"));
    }

    @Test
    void withTheStrictModesOffAFileOthersCanReadIsUsedWithAWarning() throws Exception {
        Path file = write(line("alice", "a") + "\n", "rw-r--r--");
        LiveFile<Users> users = new LiveFile<>(file, path -> PasswordFile.read(path, false, DAEMON_USER),
                UsersFile.KIND, log.logger());

        assertThat(users.current().names()).containsExactly("alice");
        assertThat(log.lines()).filteredOn(line -> line.level().equals("warn")).singleElement()
                .satisfies(line -> assertThat(line.message()).isEqualTo(file + ": readable by others (mode 0644):"
                        + " make it private with chmod 600 " + file + "; used all the same, as sockd.strict.modes is false"));
    }

    @Test
    void aPrivateFileGetsNoWarning() throws Exception {
        live(write(line("alice", "a") + "\n", "rw-------"));
        assertThat(log.lines()).noneSatisfy(line -> assertThat(line.level()).isEqualTo("warn"));
    }

    private LiveFile<Users> live(Path file) {
        return new LiveFile<>(file, path -> PasswordFile.read(path, true, DAEMON_USER), UsersFile.KIND, log.logger());
    }

    private Path write(String text, String mode) throws Exception {
        Path file = dir.resolve("sockd.passwd");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }
}
