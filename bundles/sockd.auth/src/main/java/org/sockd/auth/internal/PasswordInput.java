package org.sockd.auth.internal;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Where {@code sockd passwd} gets the new password from. */
@FunctionalInterface
interface PasswordInput {

    /**
     * @return the password, which the caller clears
     * @throws IOException when there is none, with a message for the user
     */
    char[] read() throws IOException;

    /** Asks a person: a terminal asks twice without echo, anything else gives one line of stdin. */
    static PasswordInput standard() {
        Console console = System.console();
        return console != null && isTerminal(console)
                ? twice(prompt -> console.readPassword("%s", prompt))
                : () -> firstLine(System.in);
    }

    /** A password typed twice, so that a typo cannot go unseen. */
    static PasswordInput twice(Prompt prompt) {
        return () -> {
            char[] first = prompt.ask("New password: ");
            char[] second = prompt.ask("Retype new password: ");
            try {
                if (first == null || second == null) {
                    throw new IOException("no password given");
                }
                if (!Arrays.equals(first, second)) {
                    throw new IOException("the passwords do not match");
                }
                return first.clone();
            } finally {
                clear(first);
                clear(second);
            }
        };
    }

    /** Reads up to the first line end (LF, with or without a CR before it), character by character. */
    static char[] firstLine(InputStream in) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] line = new char[64];
        int length = 0;
        int c;
        while ((c = reader.read()) >= 0 && c != '\n') {
            if (length == line.length) {
                char[] longer = Arrays.copyOf(line, length * 2);
                clear(line);
                line = longer;
            }
            line[length++] = (char) c;
        }
        if (c < 0 && length == 0) {
            clear(line);
            throw new IOException("no password given on standard input");
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        char[] password = Arrays.copyOf(line, length);
        clear(line);
        return password;
    }

    /** Asks for one password without echo; {@code null} at the end of input. */
    @FunctionalInterface
    interface Prompt {
        char[] ask(String prompt);
    }

    private static void clear(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * From Java 22 on, {@code System.console()} may also be there when the streams are redirected;
     * {@code Console.isTerminal()} (Java 22) tells. Before, a console was always a terminal.
     */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
