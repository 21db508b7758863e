package org.sockd.access.internal.parse;

import java.util.List;
import org.sockd.access.internal.rule.SpecialCommand;
import org.sockd.common.rules.LineFields;

/** Splits one line into fields and command: the classic lexical rules, but an IPv6 prefix keeps its colons. */
final class LineLexer {

    private LineLexer() {
    }

    static Lexed lex(String line) {
        for (SpecialCommand.Kind kind : SpecialCommand.Kind.values()) {
            if (line.startsWith(kind.prefix())) {
                return new Lexed.Special(kind, line.substring(kind.prefix().length()).strip());
            }
        }
        int colon = LineFields.commandColon(line, AddressParser::isPrefix);
        if (colon >= 0) {
            return new Lexed.Fields(LineFields.split(line.substring(0, colon)), line.substring(colon + 1).strip());
        }
        List<String> fields = LineFields.beforeComment(line);
        return fields.isEmpty() ? new Lexed.Blank() : new Lexed.Fields(fields, "");
    }
}
