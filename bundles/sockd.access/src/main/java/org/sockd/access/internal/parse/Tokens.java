package org.sockd.access.internal.parse;

import java.util.List;

/** A cursor over the fields of one rule line. */
final class Tokens {

    private final List<String> fields;
    private int next;

    Tokens(List<String> fields) {
        this.fields = fields;
    }

    int remaining() {
        return fields.size() - next;
    }

    String peek() {
        return fields.get(next);
    }

    String next() {
        return fields.get(next++);
    }

    /** @return whether a field remains and starts with {@code prefix} */
    boolean nextStartsWith(String prefix) {
        return remaining() > 0 && peek().startsWith(prefix);
    }
}
