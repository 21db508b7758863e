package org.sockd.auth.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sockd.common.files.StrictModes;

/**
 * Adds, changes and deletes users of a password file, run as {@code bin/sockd passwd FILE USER}
 * and {@code bin/sockd passwd -d FILE USER}: a plain program, no daemon needed. A running daemon
 * picks the change up by itself when it watches the file, else at the next reload.
 */
public final class PasswordTool {

    static final String USAGE = """
            usage: sockd passwd FILE USER      add USER to FILE, or change its password (FILE is made if missing)
                   sockd passwd -d FILE USER   delete USER from FILE
            The password is asked twice on a terminal, else read as one line from standard input.
            """;
    private static final String NAME = "sockd passwd";

    private PasswordTool() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), PasswordInput.standard(), Pbkdf2.DEFAULT_ITERATIONS, System.out, System.err));
    }

    /**
     * @param args {@code passwd [-d] FILE USER}
     * @param iterations the cost of new hashes; {@link Pbkdf2#DEFAULT_ITERATIONS} outside tests
     * @return 0 done, 1 refused or failed, 2 wrong arguments
     */
    static int run(List<String> args, PasswordInput input, int iterations, PrintStream out, PrintStream err) {
        boolean delete = args.size() > 1 && args.get(1).equals("-d");
        // Any other option is a mistake, not a file name (a file called -x can be given as ./-x).
        boolean badOption = args.size() > 1 && args.get(1).startsWith("-") && !delete;
        if (args.isEmpty() || !args.get(0).equals("passwd") || badOption || args.size() != (delete ? 4 : 3)) {
            err.print(USAGE);
            return 2;
        }
        Path file = Path.of(args.get(delete ? 2 : 1));
        String user = args.get(delete ? 3 : 2);
        try {
            return delete ? delete(file, user, out, err) : put(file, user, input, iterations, out, err);
        } catch (IOException e) {
            err.println(NAME + ": " + file + ": " + e.getMessage());
            return 1;
        }
    }

    private static int put(Path file, String user, PasswordInput input, int iterations, PrintStream out,
            PrintStream err) throws IOException {
        Optional<String> badName = UserNames.problem(user);
        if (badName.isPresent()) {
            err.println(NAME + ": " + badName.get());
            return 1;
        }
        PasswordFileEditor editor = PasswordFileEditor.open(file);
        char[] password = readPassword(input, err);
        if (password == null) {
            return 1;
        }
        PasswordEntry entry;
        try {
            entry = PasswordEntry.create(user, password, Pbkdf2.newSalt(new SecureRandom()), iterations, Pbkdf2.KDF);
        } finally {
            Arrays.fill(password, '\0');
        }
        boolean changed = editor.put(entry);
        editor.save();
        out.println((changed ? "changed the password of " : "added ") + user + " in " + file);
        warnIfRefused(file, err);
        return 0;
    }

    /** An existing file keeps its mode; one the daemon will refuse is better told now than at its next start. */
    private static void warnIfRefused(Path file, PrintStream err) {
        StrictModes.secretFileProblem(file, System.getProperty("user.name")).ifPresent(problem ->
                err.println(NAME + ": warning: the daemon refuses " + file + " as it is: " + problem));
    }

    /** @return the password, or {@code null} after telling why it cannot be used */
    private static char[] readPassword(PasswordInput input, PrintStream err) {
        char[] password;
        try {
            password = input.read();
        } catch (IOException e) {
            err.println(NAME + ": " + e.getMessage());
            return null;
        }
        Optional<String> problem = problem(password);
        if (problem.isPresent()) {
            Arrays.fill(password, '\0');
            err.println(NAME + ": " + problem.get());
            return null;
        }
        return password;
    }

    private static Optional<String> problem(char[] password) {
        if (password.length == 0) {
            return Optional.of("the password is empty");
        }
        return utf8Length(password) > UserNames.MAX_BYTES
                ? Optional.of("a password is at most " + UserNames.MAX_BYTES + " bytes in UTF-8 (RFC 1929)")
                : Optional.empty();
    }

    /** Counted rather than encoded, so that no copy of the password is left behind. */
    private static int utf8Length(char[] chars) {
        int length = 0;
        for (char c : chars) {
            // A surrogate pair is 4 bytes: 2 for each half.
            length += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return length;
    }

    private static int delete(Path file, String user, PrintStream out, PrintStream err) throws IOException {
        if (!Files.exists(file)) {
            err.println(NAME + ": " + file + ": no such file");
            return 1;
        }
        PasswordFileEditor editor = PasswordFileEditor.open(file);
        if (!editor.remove(user)) {
            err.println(NAME + ": " + user + " is not in " + file);
            return 1;
        }
        editor.save();
        out.println("deleted " + user + " from " + file);
        warnIfRefused(file, err);
        return 0;
    }
}
