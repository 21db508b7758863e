package org.sockd.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.auth.internal.Fixtures.line;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.LoadResult;

/** The password file format: what it accepts, and every error named by file and line. */
class PasswordFileTest {

    private static final String DAEMON_USER = System.getProperty("user.name");

    private static final String SALT = Base64.getEncoder().encodeToString(new byte[16]);
    private static final String HASH = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dir;

    @Test
    void readsUsersInFileOrderAndSkipsCommentsAndBlankLines() {
        Users users = valid("""
                # SOCKS 5 users
                %s

                   # indented comment
                %s\r
                """.formatted(line("bob", "b"), line("alice", "a")));

        assertThat(users.names()).containsExactly("bob", "alice");
        assertThat(users.find("alice")).hasValueSatisfying(entry -> {
            assertThat(entry.iterations()).isEqualTo(Fixtures.ITERATIONS);
            assertThat(entry.salt()).hasSize(Pbkdf2.SALT_BYTES);
            assertThat(entry.hash()).hasSize(Pbkdf2.HASH_BYTES);
        });
        assertThat(users.find("carol")).isEmpty();
    }

    @Test
    void anEmptyFileHasNoUsers() {
        assertThat(valid("# nobody yet\n").names()).isEmpty();
    }

    @Test
    void aLineReadsBackAsTheEntryItWasMadeFrom() {
        PasswordEntry entry = Fixtures.entry("ünï", "x");
        assertThat(valid(entry.line()).find("ünï")).hasValueSatisfying(read -> {
            assertThat(read.salt()).isEqualTo(entry.salt());
            assertThat(read.hash()).isEqualTo(entry.hash());
        });
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            alice:secret                                            | alice has no password hash; plain-text passwords are not accepted
            alice:pbkdf2-sha256:1000:SALT                           | alice: expected user:pbkdf2-sha256:ITERATIONS:SALT:HASH (5 fields separated by ':'), found 4 fields
            alice:pbkdf2-sha256:1000:SALT:HASH:x                    | found 6 fields
            alice:bcrypt:1000:SALT:HASH                             | alice: unknown hash scheme (only pbkdf2-sha256 is supported)
            alice:pbkdf2-sha256:0:SALT:HASH                         | alice: the iteration count must be a whole number from 1 to 100000000
            alice:pbkdf2-sha256:many:SALT:HASH                      | the iteration count must be a whole number
            alice:pbkdf2-sha256:100000001:SALT:HASH                 | the iteration count must be a whole number
            alice:pbkdf2-sha256:1000:not*base64:HASH                | alice: the salt is not valid base64
            alice:pbkdf2-sha256:1000:SALT:not*base64                | alice: the hash is not valid base64
            alice:pbkdf2-sha256:1000:AAAA:HASH                      | alice: the salt has 3 bytes, at least 8 are needed
            alice:pbkdf2-sha256:1000:SALT:AAAA                      | alice: the hash has 3 bytes, not 32
            :pbkdf2-sha256:1000:SALT:HASH                           | a user name cannot be empty
            """)
    void aBadLineIsReportedWithFileAndLineNumber(String line, String message) {
        String text = "# users\n" + line.replace("SALT", SALT).replace("HASH", HASH) + "\n";

        assertThat(invalid(text)).singleElement().asString()
                .startsWith("passwd:2: ")
                .contains(message);
    }

    @Test
    void aPlainTextPasswordIsNeverQuotedInTheError() {
        assertThat(invalid("alice:" + Fixtures.CANARY + "\n")).singleElement().asString()
                .doesNotContain(Fixtures.CANARY);
        assertThat(invalid("alice:x:" + Fixtures.CANARY + ":y:z\n")).singleElement().asString()
                .doesNotContain(Fixtures.CANARY);
    }

    @Test
    void aUserNameWithAControlCharacterIsRefused() {
        assertThat(invalid("al\u0007ice:pbkdf2-sha256:1000:" + SALT + ":" + HASH + "\n")).singleElement().asString()
                .isEqualTo("passwd:1: a user name cannot contain control characters");
    }

    @Test
    void aSecondLineForTheSameUserIsAnError() {
        assertThat(invalid(line("alice", "a") + "\n" + line("bob", "b") + "\n" + line("alice", "c") + "\n"))
                .containsExactly("passwd:3: user alice is already on line 1");
    }

    @Test
    void everyBadLineIsReportedNotOnlyTheFirst() {
        assertThat(invalid("a:b\n" + line("bob", "b") + "\nc:d\n"))
                .satisfiesExactly(first -> assertThat(first).startsWith("passwd:1: "),
                        third -> assertThat(third).startsWith("passwd:3: "));
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithTheirLine() {
        byte[] content = (line("bob", "b") + "\nal\u00ffice:x\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(errors(PasswordFile.parse("passwd", content))).containsExactly("passwd:2: not valid UTF-8");
    }

    @Test
    void aMissingFileNamesTheFile() throws Exception {
        Path missing = dir.resolve("none");
        assertThat(errors(PasswordFile.read(missing, true, DAEMON_USER))).containsExactly(missing + ": no such file");
    }

    @Test
    void aFileTooBigToBeAPasswordFileIsRefusedWithoutReadingItAll() throws Exception {
        Path big = dir.resolve("big");
        try (FileChannel channel = FileChannel.open(big, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}), PasswordFile.MAX_FILE_BYTES);
        }
        assertThat(errors(PasswordFile.read(big, true, DAEMON_USER))).containsExactly(big + ": larger than 16777216 bytes");
    }

    @Test
    void readsAFileFromDisk() throws Exception {
        Path file = dir.resolve("sockd.passwd");
        Files.writeString(file, line("alice", "a") + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Users users = users(PasswordFile.read(file, true, DAEMON_USER));
        assertThat(users.names()).containsExactly("alice");
        assertThat(users.source()).isEqualTo(file.toString());
    }

    @Test
    void anEntryNeverShowsItsHash() {
        PasswordEntry entry = Fixtures.entry("alice", "a");
        assertThat(entry.toString()).contains("alice")
                .doesNotContain(Base64.getEncoder().encodeToString(entry.hash()))
                .doesNotContain(Base64.getEncoder().encodeToString(entry.salt()));
    }

    @Test
    void theUnknownUserStandInCostsWhatMostUsersCost() {
        byte[] salt = new byte[16];
        byte[] hash = new byte[32];
        Users users = Users.of("passwd", List.of(new PasswordEntry("a", 5000, salt, hash),
                new PasswordEntry("b", 1000, salt, hash), new PasswordEntry("c", 5000, salt, hash)), new SecureRandom());
        assertThat(users.unknownUser().iterations()).isEqualTo(5000);
        assertThat(users.unknownUser().hash()).isNotEqualTo(hash);
        assertThat(Users.none("x").unknownUser().iterations()).isEqualTo(Pbkdf2.DEFAULT_ITERATIONS);
    }

    private static Users valid(String text) {
        return users(PasswordFile.parse("passwd", text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> invalid(String text) {
        return errors(PasswordFile.parse("passwd", text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Users users(LoadResult<Users> result) {
        assertThat(result).isInstanceOf(LoadResult.Valid.class);
        return ((LoadResult.Valid<Users>) result).content();
    }

    private static List<String> errors(LoadResult<Users> result) {
        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        return ((LoadResult.Invalid<Users>) result).errors().stream().map(FileError::toString).toList();
    }
}
