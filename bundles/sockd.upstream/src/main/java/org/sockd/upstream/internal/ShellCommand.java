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
        PercentCode.check(command);
        if (command.chars().noneMatch(Character::isLetterOrDigit)) {
            throw new SyntaxException("shell command " + quoted(command) + " contains no alphanumeric characters");
        }
        return command;
    }
}
