package org.sockd.common.rules;

import static org.sockd.common.text.SyntaxException.quoted;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sockd.common.text.SyntaxException;

/**
 * The {@code %} codes of a rule's shell command, the one list the sockd.conf and socks.conf
 * parsers check commands against and the expander of sockd.action goes by: an enum, so that a new
 * code fails to compile where it is not expanded yet.
 */
public enum PercentCode {
    CLIENT_NAME('A'),
    CLIENT_ADDRESS('a'),
    COMMAND('c'),
    PID('p'),
    SERVICE('S'),
    PORT('s'),
    IDENT('U'),
    USER('u'),
    DESTINATION_NAME('Z'),
    DESTINATION_ADDRESS('z'),
    PERCENT('%');

    private final char letter;

    PercentCode(char letter) {
        this.letter = letter;
    }

    /** @return the character after the {@code %} */
    public char letter() {
        return letter;
    }

    /** @return the code a character after {@code %} names, or empty for one the classic daemon did not know */
    public static Optional<PercentCode> of(char letter) {
        return Arrays.stream(values()).filter(code -> code.letter == letter).findFirst();
    }

    /**
     * Checks a shell command when its file is loaded, so that a typing error ({@code %x}, or a
     * {@code %} at the end) refuses the file instead of expanding to nothing when a request runs it.
     *
     * @throws SyntaxException naming the first unknown code and the known ones
     */
    public static void check(String command) throws SyntaxException {
        for (int i = 0; i < command.length(); i++) {
            if (command.charAt(i) == '%') {
                if (i + 1 == command.length() || of(command.charAt(i + 1)).isEmpty()) {
                    throw new SyntaxException("Invalid shell command " + quoted(command) + ": unknown code "
                            + quoted(command.substring(i, Math.min(i + 2, command.length()))) + " (known: " + known() + ")");
                }
                i++;
            }
        }
    }

    /** @return every code as written, for messages: {@code %A %a ... %%} */
    public static String known() {
        return Arrays.stream(values()).map(code -> "%" + code.letter).collect(Collectors.joining(" "));
    }
}
