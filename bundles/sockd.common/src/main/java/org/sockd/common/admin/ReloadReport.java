package org.sockd.common.admin;

import java.util.List;
import java.util.stream.Collectors;
import org.sockd.api.admin.FileVerdict;

/**
 * What each file's last read gave, one line a file and its errors below: the one form of
 * {@code sockd:reload} (which Gogo prints through {@link #toString()}) and of {@code bin/sockd -V}.
 *
 * @param verdicts one per file, in the order they were read
 */
public record ReloadReport(List<FileVerdict> verdicts) {

    public ReloadReport {
        verdicts = List.copyOf(verdicts);
    }

    /** @return whether a file could not be used: its rules stay as they were, or it has none */
    public boolean anyFailed() {
        return verdicts.stream().anyMatch(verdict -> !(verdict instanceof FileVerdict.Loaded));
    }

    @Override
    public String toString() {
        if (verdicts.isEmpty()) {
            return "nothing to reload: no Reloadable service is registered";
        }
        return verdicts.stream().map(ReloadReport::text).collect(Collectors.joining("\n"));
    }

    private static String text(FileVerdict verdict) {
        return switch (verdict) {
            case FileVerdict.Loaded loaded -> loaded.file() + ": " + loaded.entries() + " " + loaded.noun();
            case FileVerdict.Kept kept -> kept.file() + ": NOT reloaded, previous " + kept.noun() + " stay:"
                    + indented(kept.errors());
            case FileVerdict.Refused refused -> refused.file() + ": NOT loaded (" + count(refused.errors()) + "):"
                    + indented(refused.errors());
        };
    }

    private static String count(List<String> errors) {
        return errors.size() == 1 ? "1 error" : errors.size() + " errors";
    }

    private static String indented(List<String> errors) {
        return errors.stream().map(error -> "\n  " + error).collect(Collectors.joining());
    }
}
