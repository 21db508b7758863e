package org.sockd.upstream.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line of a socks.conf with its number: a physical line of the text, or an entry of a frozen
 * file in canonical form.
 */
record NumberedLine(int number, String text) {

    NumberedLine {
        if (number < 1) {
            throw new IllegalArgumentException("line numbers start at 1, not " + number);
        }
        Objects.requireNonNull(text, "text");
    }

    static List<NumberedLine> of(String text) {
        List<String> physical = text.lines().toList();
        List<NumberedLine> lines = new ArrayList<>(physical.size());
        for (int i = 0; i < physical.size(); i++) {
            lines.add(new NumberedLine(i + 1, physical.get(i)));
        }
        return lines;
    }
}
