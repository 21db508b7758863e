package org.sockd.auth.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sockd.common.files.BoundedRead;
import org.sockd.common.files.IoReason;
import org.sockd.common.files.StrictModes;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.LoadResult;

/**
 * Reads a password file: one {@code user:pbkdf2-sha256:ITERATIONS:SALT_BASE64:HASH_BASE64} a line,
 * {@code #} comments and blank lines. A file is used whole or not at all. Error messages name the
 * file, the line and the user, and never quote the rest of a line, which may hold a password typed
 * by hand. A file that others may read or anyone but its owner may change is refused whole
 * ({@link StrictModes}): hashes can be guessed at offline, and a line added is a login.
 */
final class PasswordFile {

    /** Guards against a mistyped cost that would make every login take minutes. */
    static final int MAX_ITERATIONS = 100_000_000;
    private static final int MIN_SALT_BYTES = 8;
    /** Some 150 000 users; a bigger file is a mistake (say, -U pointed at a log), not a password file. */
    static final int MAX_FILE_BYTES = 16 << 20;

    private PasswordFile() {
    }

    /**
     * @param strictModes whether to refuse a file that others may read or change
     * @param daemonUser the user the daemon runs as, who (besides root) may own the file
     */
    static LoadResult<Users> read(Path file, boolean strictModes, String daemonUser) {
        byte[] content;
        try {
            content = BoundedRead.regularFile(file, MAX_FILE_BYTES);
        } catch (IOException e) {
            return LoadResult.invalid(new FileError(file.toString(), 0, IoReason.of(e)));
        }
        Optional<String> exposed = strictModes ? StrictModes.secretFileProblem(file, daemonUser) : Optional.empty();
        if (exposed.isPresent()) {
            return LoadResult.invalid(new FileError(file.toString(), 0, exposed.get()));
        }
        return parse(file.toString(), content);
    }

    static LoadResult<Users> parse(String source, byte[] content) {
        List<PasswordEntry> entries = new ArrayList<>();
        List<FileError> errors = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        List<byte[]> lines = lines(content);
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            try {
                String line = utf8(lines.get(i)).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                PasswordEntry entry = entry(line);
                Integer first = lineOf.putIfAbsent(entry.user(), number);
                if (first != null) {
                    throw new IllegalArgumentException("user " + entry.user() + " is already on line " + first);
                }
                entries.add(entry);
            } catch (IllegalArgumentException e) {
                errors.add(new FileError(source, number, e.getMessage()));
            }
        }
        return errors.isEmpty() ? new LoadResult.Valid<>(Users.of(source, entries, new SecureRandom()))
                : new LoadResult.Invalid<>(errors);
    }

    private static PasswordEntry entry(String line) {
        String[] fields = line.split(":", -1);
        String user = fields[0];
        UserNames.problem(user).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (fields.length == 2) {
            throw new IllegalArgumentException("user " + user + " has no password hash; plain-text passwords are not"
                    + " accepted (make the line with: sockd passwd FILE USER)");
        }
        if (fields.length != 5) {
            throw new IllegalArgumentException("user " + user + ": expected user:" + Pbkdf2.SCHEME
                    + ":ITERATIONS:SALT:HASH (5 fields separated by ':'), found " + fields.length + " fields");
        }
        if (!fields[1].equals(Pbkdf2.SCHEME)) {
            throw new IllegalArgumentException("user " + user + ": unknown hash scheme (only " + Pbkdf2.SCHEME
                    + " is supported)");
        }
        int iterations = iterations(user, fields[2]);
        byte[] salt = base64(user, "salt", fields[3]);
        byte[] hash = base64(user, "hash", fields[4]);
        if (salt.length < MIN_SALT_BYTES) {
            throw new IllegalArgumentException("user " + user + ": the salt has " + salt.length
                    + " bytes, at least " + MIN_SALT_BYTES + " are needed");
        }
        if (hash.length != Pbkdf2.HASH_BYTES) {
            throw new IllegalArgumentException("user " + user + ": the hash has " + hash.length + " bytes, not "
                    + Pbkdf2.HASH_BYTES);
        }
        return new PasswordEntry(user, iterations, salt, hash);
    }

    private static int iterations(String user, String field) {
        try {
            int iterations = Integer.parseInt(field);
            if (iterations >= 1 && iterations <= MAX_ITERATIONS) {
                return iterations;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        throw new IllegalArgumentException("user " + user + ": the iteration count must be a whole number from 1 to "
                + MAX_ITERATIONS);
    }

    private static byte[] base64(String user, String what, String field) {
        try {
            return Base64.getDecoder().decode(field);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("user " + user + ": the " + what + " is not valid base64");
        }
    }

    /** Split before decoding, so that a byte that is not UTF-8 is reported with its line. */
    private static List<byte[]> lines(byte[] content) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                lines.add(Arrays.copyOfRange(content, start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    private static String utf8(byte[] line) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid UTF-8");
        }
    }
}
