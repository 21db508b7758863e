package org.sockd.common.admin;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sockd.api.admin.FileVerdict;
import org.sockd.api.admin.SessionRefusal;
import org.sockd.api.admin.SessionSnapshot;
import org.sockd.common.net.AddressText;
import org.sockd.common.text.LogText;

/**
 * What each file's last read gave, one line a file and its errors below, then the live sessions a
 * revalidation ended: the one form of {@code sockd:reload} (which Gogo prints through
 * {@link #toString()}) and of {@code bin/sockd -V}.
 *
 * @param verdicts one per file, in the order they were read
 * @param revalidated the live sessions a revalidation ended, or empty when there was no revalidation
 */
public record ReloadReport(List<FileVerdict> verdicts, Optional<List<SessionRefusal>> revalidated) {

    public ReloadReport {
        verdicts = List.copyOf(verdicts);
        revalidated = revalidated.map(List::copyOf);
    }

    /** A reload that decided no live session again, or a configuration test. */
    public ReloadReport(List<FileVerdict> verdicts) {
        this(verdicts, Optional.empty());
    }

    /** @return whether a file could not be used: its rules stay as they were, or it has none */
    public boolean anyFailed() {
        return verdicts.stream().anyMatch(verdict -> !(verdict instanceof FileVerdict.Loaded));
    }

    @Override
    public String toString() {
        String files = verdicts.isEmpty() ? "nothing to reload: no Reloadable service is registered"
                : verdicts.stream().map(ReloadReport::text).collect(Collectors.joining("\n"));
        return revalidated.map(ended -> files + "\n" + sessions(ended)).orElse(files);
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

    /** A line for the count, then one a session ended: {@code  session 3 127.0.0.1:4000 to host:80: refused by ...}. */
    static String sessions(List<SessionRefusal> ended) {
        return Stream.concat(Stream.of("live sessions revalidated: " + ended.size() + " ended"),
                ended.stream().map(refusal -> "  " + line(refusal))).collect(Collectors.joining("\n"));
    }

    /** @return {@code session 3 127.0.0.1:4000 to host:80: refused by ...} */
    public static String line(SessionRefusal refusal) {
        SessionSnapshot session = refusal.session();
        String to = session.destination() == null ? "" : " to " + AddressText.of(session.destination());
        return "session " + session.id() + " " + AddressText.of(session.client()) + to + ": "
                + LogText.escape(refusal.reason());
    }
}
