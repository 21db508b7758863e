package org.sockd.common.rules;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code %} codes of a rule's shell command, the one list both the checker of a socks.conf
 * and the expander of sockd.action go by: an enum, so that a new code fails to compile where it
 * is not expanded yet.
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

    /** @return every code as written, for messages: {@code %A %a ... %%} */
    public static String known() {
        return Arrays.stream(values()).map(code -> "%" + code.letter).collect(Collectors.joining(" "));
    }
}
