package org.sockd.access.internal.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.sockd.common.files.IoReason;

/**
 * Reads the user files named by {@code *=} fields while one sockd.conf is loaded. Each file is
 * read once per load, so every rule naming it sees the same content and a failure is logged once.
 */
final class UserFiles {

    private static final Pattern SEPARATORS = Pattern.compile("[ \t,]+");

    private final Consumer<String> errors;
    private final Map<Path, Optional<Set<String>>> read = new HashMap<>();

    /** @param errors where an unreadable file is reported (the error log, outside tests) */
    UserFiles(Consumer<String> errors) {
        this.errors = errors;
    }

    /** @return the user-ids in the file, or empty when it cannot be used (already reported) */
    Optional<Set<String>> names(Path file) {
        return read.computeIfAbsent(file, this::load);
    }

    private Optional<Set<String>> load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return unusable(file, IoReason.of(e));
        }
        Set<String> names = new HashSet<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            if (line.length() > ConfParser.MAX_LINE) {
                // The C code would have split it, maybe inside a user-id; refuse it like sockd.conf.
                return unusable(file, "line " + number + " is longer than " + ConfParser.MAX_LINE + " characters");
            }
            int hash = line.indexOf('#');
            for (String name : SEPARATORS.split(hash >= 0 ? line.substring(0, hash) : line)) {
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return Optional.of(names);
    }

    private Optional<Set<String>> unusable(Path file, String reason) {
        errors.accept("Unable to open userfile (" + file + "): " + reason);
        return Optional.empty();
    }
}
