package org.sockd.common.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.sockd.common.files.BoundedRead;
import org.sockd.common.files.IoReason;

/**
 * Reads the user files named by {@code *=} fields while one configuration file is loaded: blanks,
 * tabs and commas separate user-ids, {@code #} starts a comment. Each file is read once per load,
 * so every line naming it sees the same content and a failure is reported once.
 */
public final class UserFiles {

    private static final Pattern SEPARATORS = Pattern.compile("[ \t,]+");

    private final Consumer<String> report;
    private final OptionalInt maxLine;
    private final Map<Path, Optional<Set<String>>> read = new HashMap<>();

    private UserFiles(Consumer<String> report, OptionalInt maxLine) {
        this.report = report;
        this.maxLine = maxLine;
    }

    /**
     * Files whose lines may be at most {@code maxLine} characters, like the configuration naming
     * them: the C code would have split a longer line, maybe inside a user-id.
     *
     * @param report where an unusable file is reported
     */
    public static UserFiles withLineLimit(Consumer<String> report, int maxLine) {
        return new UserFiles(report, OptionalInt.of(maxLine));
    }

    /** @param report where an unreadable file is reported */
    public static UserFiles unlimited(Consumer<String> report) {
        return new UserFiles(report, OptionalInt.empty());
    }

    /** @return the user-ids in the file, or empty when it cannot be used (already reported) */
    public Optional<Set<String>> names(Path file) {
        return read.computeIfAbsent(file, this::load);
    }

    private Optional<Set<String>> load(Path file) {
        List<String> lines;
        try {
            lines = new String(BoundedRead.regularFile(file, RuleFileRead.MAX_FILE_BYTES), StandardCharsets.ISO_8859_1)
                    .lines().toList();
        } catch (IOException e) {
            return unusable(file, IoReason.of(e));
        }
        Set<String> names = new HashSet<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            if (maxLine.isPresent() && line.length() > maxLine.getAsInt()) {
                return unusable(file, "line " + number + " is longer than " + maxLine.getAsInt() + " characters");
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
        report.accept("Unable to open userfile (" + file + "): " + reason);
        return Optional.empty();
    }
}
