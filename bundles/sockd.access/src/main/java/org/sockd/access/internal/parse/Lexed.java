package org.sockd.access.internal.parse;

import java.util.List;
import java.util.Objects;
import org.sockd.access.internal.rule.SpecialCommand;

/** One physical line of sockd.conf after the classic lexical rules ({@link org.sockd.common.rules.LineFields}). */
sealed interface Lexed {

    /** @return the shell command of the line, empty when it has none */
    String command();

    /** A blank or comment-only line. */
    record Blank() implements Lexed {
        public String command() {
            return "";
        }
    }

    /** A {@code #NO_IDENTD:} or {@code #BAD_ID:} line. */
    record Special(SpecialCommand.Kind kind, String command) implements Lexed {
        public Special {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(command, "command");
        }
    }

    /** A rule line: the fields before the first {@code :} and the command after it. */
    record Fields(List<String> fields, String command) implements Lexed {
        public Fields {
            fields = List.copyOf(fields);
            Objects.requireNonNull(command, "command");
        }
    }
}
