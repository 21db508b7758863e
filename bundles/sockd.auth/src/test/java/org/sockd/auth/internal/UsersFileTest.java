package org.sockd.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.auth.internal.Fixtures.line;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.api.admin.ReloadResult;
import org.sockd.common.reload.LiveFile;
import org.sockd.common.testing.RecordingLogger;

/**
 * What is particular to the password file as a live file: no users while it was never valid, errors that never
 * quote a line, and a warning for a file others can read. Swapping and keeping are the holder's (LiveFileTest).
 */
class UsersFileTest {

    @TempDir
    Path dir;

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
    void aFileOthersCanReadIsUsedWithAWarning() throws Exception {
        Path file = write(line("alice", "a") + "\n", "rw-r--r--");
        LiveFile<Users> users = live(file);

        assertThat(users.current().names()).containsExactly("alice");
        assertThat(log.lines()).filteredOn(line -> line.level().equals("warn")).singleElement()
                .satisfies(line -> assertThat(line.message()).contains(file.toString(), "GROUP_READ", "OTHERS_READ",
                        "chmod 600"));
    }

    @Test
    void aPrivateFileGetsNoWarning() throws Exception {
        live(write(line("alice", "a") + "\n", "rw-------"));
        assertThat(log.lines()).noneSatisfy(line -> assertThat(line.level()).isEqualTo("warn"));
    }

    private LiveFile<Users> live(Path file) {
        return new LiveFile<>(file, PasswordFile::read, UsersFile.KIND, log.logger());
    }

    private Path write(String text, String mode) throws Exception {
        Path file = dir.resolve("sockd.passwd");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }
}
