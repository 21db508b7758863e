package org.sockd.example.policy.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a deny-list file: one range a line ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, or a single
 * address), blank lines and {@code #} comments ignored. A file with any bad line is refused as a
 * whole, with every error named by file and line.
 */
final class DenyListFile {

    /** The outcome of reading the file. */
    sealed interface Result {
    }

    record Loaded(DenyList list) implements Result {
    }

    /** @param errors each as {@code file:line: what is wrong}, or {@code file: why it cannot be read} */
    record Failed(List<String> errors) implements Result {
        Failed {
            errors = List.copyOf(errors);
        }
    }

    /** The file is not there. */
    record Missing(String source) implements Result {
    }

    private DenyListFile() {
    }

    static Result read(Path file) {
        String source = file.toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Missing(source);
        } catch (IOException e) {
            return new Failed(List.of(source + ": cannot be read: " + e));
        }
        return parse(source, lines);
    }

    static Result parse(String source, List<String> lines) {
        List<DenyList.Entry> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comment = line.indexOf('#');
            String text = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.chars().anyMatch(Character::isWhitespace)) {
                errors.add(source + ":" + (i + 1) + ": one range a line, found \"" + text + "\"");
                continue;
            }
            try {
                entries.add(new DenyList.Entry(source, i + 1, CidrRange.parse(text)));
            } catch (IllegalArgumentException e) {
                errors.add(source + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return errors.isEmpty() ? new Loaded(new DenyList(source, entries)) : new Failed(errors);
    }
}
