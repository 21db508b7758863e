package org.sockd.common.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.text.SyntaxException;

/** {@code *=} fields and the user files they name, with and without a line limit. */
class UserFilesTest {

    @TempDir
    Path dir;

    private final List<String> reports = new ArrayList<>();

    @Test
    void blanksTabsAndCommasSeparateAndAHashStartsAComment() throws IOException {
        Path file = Files.writeString(dir.resolve("users"), "root alice,bob\tjoe # not:a user\n#carol\n");
        assertThat(UserFiles.unlimited(reports::add).names(file)).hasValue(Set.of("root", "alice", "bob", "joe"));
        assertThat(reports).isEmpty();
    }

    @Test
    void aLineOverTheLimitMakesTheFileUnusableOnlyWhereThereIsALimit() throws IOException {
        Path file = Files.writeString(dir.resolve("users"), "x".repeat(11) + "\n");
        assertThat(UserFiles.unlimited(reports::add).names(file)).hasValue(Set.of("x".repeat(11)));
        assertThat(UserFiles.withLineLimit(reports::add, 10).names(file)).isEmpty();
        assertThat(reports)
                .containsExactly("Unable to open userfile (" + file + "): line 1 is longer than 10 characters");
    }

    /** A user file that is a FIFO would hold up the whole load until someone wrote to it. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aFifoIsNoUserFile() throws Exception {
        Path fifo = dir.resolve("users");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        assertThat(UserFiles.unlimited(reports::add).names(fifo)).isEmpty();
        assertThat(reports).containsExactly("Unable to open userfile (" + fifo + "): not a regular file");
    }

    @Test
    void aFileIsReadOncePerLoadAndAFailureReportedOnce() {
        UserFiles files = UserFiles.unlimited(reports::add);
        Path missing = dir.resolve("missing");
        assertThat(files.names(missing)).isEmpty();
        assertThat(files.names(missing)).isEmpty();
        assertThat(reports).hasSize(1).allSatisfy(report -> assertThat(report).startsWith("Unable to open userfile ("));
    }

    @Test
    void aFieldListsNamesAndFilesAndAnUnreadableFileAdmitsNoOne() throws IOException, SyntaxException {
        Path staff = Files.writeString(dir.resolve("staff"), "alice\n");
        UserFiles files = UserFiles.unlimited(reports::add);
        assertThat(UserListParser.parse("*=", files)).isEqualTo(UserList.ANYONE);
        assertThat(UserListParser.parse("*=bob," + staff, files))
                .isEqualTo(new UserList.Listed(Set.of("bob", "alice"), List.of(staff)));
        Path missing = dir.resolve("missing");
        assertThat(UserListParser.parse("*=bob," + missing, files))
                .isEqualTo(new UserList.Unreadable(List.of(missing)));
    }

    @Test
    void emptyUserIdsAndRelativeFilesAreRefused() {
        UserFiles files = UserFiles.unlimited(reports::add);
        assertThatThrownBy(() -> UserListParser.parse("*=a,,b", files)).isInstanceOf(SyntaxException.class)
                .hasMessage("Invalid *= field \"*=a,,b\" (empty user-id)");
        assertThatThrownBy(() -> UserListParser.parse("*=etc/users", files)).isInstanceOf(SyntaxException.class)
                .hasMessageContaining("is not an absolute path");
    }
}
