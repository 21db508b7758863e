package org.sockd.access.internal.parse;

import java.util.Arrays;
import java.util.List;
import org.sockd.access.internal.rule.SpecialCommand;

/** Splits one line into fields and command (spec section 2). */
final class LineLexer {

    private LineLexer() {
    }

    static Lexed lex(String line) {
        for (SpecialCommand.Kind kind : SpecialCommand.Kind.values()) {
            if (line.startsWith(kind.prefix())) {
                return new Lexed.Special(kind, line.substring(kind.prefix().length()).strip());
            }
        }
        int colon = line.indexOf(':');
        int hash = line.indexOf('#');
        // Whichever comes first decides: a ':' inside a comment is harmless, a '#' inside a
        // command is part of the command.
        if (colon >= 0 && (hash < 0 || colon < hash)) {
            return new Lexed.Fields(fields(line.substring(0, colon)), line.substring(colon + 1).strip());
        }
        List<String> fields = fields(hash >= 0 ? line.substring(0, hash) : line);
        return fields.isEmpty() ? new Lexed.Blank() : new Lexed.Fields(fields, "");
    }

    /**
     * Runs of white space separate fields (isspace() in the C locale, as the classic mkargs()
     * split them); there is no quoting and no escaping.
     */
    private static List<String> fields(String text) {
        return Arrays.stream(text.split("[ \t\f\\x0B]+")).filter(field -> !field.isEmpty()).toList();
    }
}
