package org.sockd.access.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.LoadResult;
import org.sockd.common.rules.UserList;

/** {@code *=/path} user files: read when the rules are loaded, failing closed when unreadable. */
class UserFileTest {

    @TempDir
    Path dir;

    private final List<String> errorLog = new CopyOnWriteArrayList<>();
    private final ConfParser parser = new ConfParser(Services.parse(List.of()), errorLog::add);

    @Test
    void userIdsAreSeparatedByBlanksTabsAndCommasWithComments() throws Exception {
        Path file = write("socks.users", """
                # staff
                alice
                bob, carol\tdave ,,  erin\t,frank   # not: mallory
                  \t
                grace#heidi
                Ivan
                """);
        assertThat(users("permit *=" + file + " 10.0.0.0 255.0.0.0")).isEqualTo(new UserList.Listed(
                Set.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "Ivan"), List.of(file)));
        assertThat(errorLog).isEmpty();
    }

    @Test
    void namesAndFilesMixInOneList() throws Exception {
        Path staff = write("staff", "alice bob\n");
        Path guests = write("guests", "");
        assertThat(users("permit *=root," + staff + ",joe," + guests + " 10.0.0.0 255.0.0.0")).isEqualTo(
                new UserList.Listed(Set.of("root", "alice", "bob", "joe"), List.of(staff, guests)));
    }

    @Test
    void anUnreadableFileFailsTheWholeListIsLoggedAndIsNoErrorOfTheFile() {
        Path missing = dir.resolve("missing");
        LoadResult<RuleSet> result = parser.parse("sockd.conf", "permit *=joe," + missing + ",ann 10.0.0.0 255.0.0.0\n");
        assertThat(result).isInstanceOf(LoadResult.Valid.class);
        assertThat(((LoadResult.Valid<RuleSet>) result).content().rules().get(0).users())
                .isEqualTo(new UserList.Unreadable(List.of(missing)));
        assertThat(errorLog).containsExactly("Unable to open userfile (" + missing + "): no such file");
    }

    @Test
    void aDirectoryIsAnUnreadableUserFile() {
        assertThat(users("permit *=" + dir + " 10.0.0.0 255.0.0.0")).isEqualTo(new UserList.Unreadable(List.of(dir)));
        assertThat(errorLog).singleElement().asString().startsWith("Unable to open userfile (" + dir + "): ");
    }

    @Test
    void aFileWithAnOverLongLineIsRefusedRatherThanSplit() throws Exception {
        Path file = write("long", "alice\n" + "x".repeat(1020) + " bob\n");
        assertThat(users("permit *=" + file + " 10.0.0.0 255.0.0.0")).isEqualTo(new UserList.Unreadable(List.of(file)));
        assertThat(errorLog).containsExactly("Unable to open userfile (" + file + "): line 2 is longer than 1023 characters");
    }

    @Test
    void aFileIsReadOnceForALoadAndEveryFileIsReferencedOnce() throws Exception {
        Path staff = write("staff", "alice\n");
        Path missing = dir.resolve("missing");
        RuleSet rules = parsed("""
                deny *=%1$s,%2$s 10.0.0.0 255.0.0.0
                permit *=bob 10.0.0.0 255.0.0.0
                permit *=%2$s 0.0.0.0 0.0.0.0
                permit *=%1$s 0.0.0.0 0.0.0.0
                """.formatted(missing, staff));
        assertThat(rules.referencedFiles()).containsExactly(missing, staff);
        assertThat(errorLog).hasSize(1);
    }

    @Test
    void rulesWithoutUserFilesReferenceNone() {
        assertThat(parsed("permit *=alice,bob 10.0.0.0 255.0.0.0\npermit 0.0.0.0 0.0.0.0\n").referencedFiles()).isEmpty();
    }

    @Test
    void eachLoadReadsTheFilesAgain() throws Exception {
        Path file = write("staff", "alice\n");
        String text = "permit *=" + file + " 10.0.0.0 255.0.0.0\n";
        assertThat(parsed(text).rules().get(0).users().admits("bob")).isFalse();
        Files.writeString(file, "bob\n");
        assertThat(parsed(text).rules().get(0).users().admits("bob")).isTrue();
    }

    private UserList users(String line) {
        return parsed(line).rules().get(0).users();
    }

    private RuleSet parsed(String text) {
        LoadResult<RuleSet> result = parser.parse("sockd.conf", text);
        assertThat(result).isInstanceOf(LoadResult.Valid.class);
        return ((LoadResult.Valid<RuleSet>) result).content();
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
