package org.sockd.common.admin;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.SessionRefusal;
import org.sockd.api.admin.SessionSnapshot;
import org.sockd.common.net.AddressText;
import org.sockd.common.text.LogText;

/**
 * What a reload did; Gogo prints it (sockd:reload) through {@link #toString()}.
 *
 * @param results one per reloadable service, in the order they were asked
 * @param revalidated the live sessions a revalidation ended, or empty when there was no revalidation
 */
public record ReloadReport(List<ReloadResult> results, Optional<List<SessionRefusal>> revalidated) {

    public ReloadReport {
        results = List.copyOf(results);
        revalidated = revalidated.map(List::copyOf);
    }

    /** A reload that decided no live session again. */
    public ReloadReport(List<ReloadResult> results) {
        this(results, Optional.empty());
    }

    /** @return whether a file could not be used, and so the rules it holds stay as they were */
    public boolean anyFailed() {
        return results.stream().anyMatch(ReloadResult.Failed.class::isInstance);
    }

    @Override
    public String toString() {
        String files = results.isEmpty() ? "nothing to reload: no Reloadable service is registered"
                : results.stream().map(ReloadReport::text).collect(Collectors.joining("\n"));
        return revalidated.map(ended -> files + "\n" + sessions(ended)).orElse(files);
    }

    private static String text(ReloadResult result) {
        return switch (result) {
            case ReloadResult.Reloaded reloaded -> reloaded.source() + ": reloaded " + reloaded.entries() + " rules";
            case ReloadResult.Failed failed -> failed.source() + ": NOT reloaded, previous rules stay:"
                    + failed.errors().stream().map(error -> "\n  " + error).collect(Collectors.joining());
        };
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
