package org.sockd.upstream.internal;

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
 * Reads the user files named by {@code *=} fields while one socks.conf is loaded: blanks, tabs and
 * commas separate user-ids, {@code #} starts a comment. Each file is read once per load, so every
 * line naming it sees the same content and a failure is reported once.
 */
final class UserFiles {

    private static final Pattern SEPARATORS = Pattern.compile("[ \t,]+");

    private final Consumer<String> notices;
    private final Map<Path, Optional<Set<String>>> read = new HashMap<>();

    /** @param notices where an unreadable file is reported: no error of socks.conf, its line just admits no one */
    UserFiles(Consumer<String> notices) {
        this.notices = notices;
    }

    /** @return the user-ids in the file, or empty when it cannot be read (already reported) */
    Optional<Set<String>> names(Path file) {
        return read.computeIfAbsent(file, this::load);
    }

    private Optional<Set<String>> load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            notices.accept("Unable to open userfile (" + file + "): " + IoReason.of(e));
            return Optional.empty();
        }
        Set<String> names = new HashSet<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            for (String name : SEPARATORS.split(hash >= 0 ? line.substring(0, hash) : line)) {
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return Optional.of(names);
    }
}
