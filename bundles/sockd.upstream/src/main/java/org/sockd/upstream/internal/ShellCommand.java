package org.sockd.upstream.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import org.sockd.common.rules.PercentCode;
import org.sockd.common.text.SyntaxException;

/** Checks the shell command of a line at load, so that a typing error is found before a request runs it. */
final class ShellCommand {

    private ShellCommand() {
    }

    /** @return the command, or {@code null} when it is blank (no command) */
    static String check(String command) throws SyntaxException {
        if (command.isEmpty()) {
            return null;
        }
        for (int i = 0; i < command.length(); i++) {
            if (command.charAt(i) == '%') {
                if (i + 1 == command.length() || PercentCode.of(command.charAt(i + 1)).isEmpty()) {
                    throw new SyntaxException("Invalid shell command " + quoted(command) + ": unknown code "
                            + quoted(command.substring(i, Math.min(i + 2, command.length())))
                            + " (known: " + PercentCode.known() + ")");
                }
                i++;
            }
        }
        if (command.chars().noneMatch(Character::isLetterOrDigit)) {
            throw new SyntaxException("shell command " + quoted(command) + " contains no alphanumeric characters");
        }
        return command;
    }
}
