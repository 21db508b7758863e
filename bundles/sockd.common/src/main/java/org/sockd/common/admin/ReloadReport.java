package org.sockd.common.admin;

import java.util.List;
import java.util.stream.Collectors;
import org.sockd.api.admin.ReloadResult;

/**
 * What a reload did; Gogo prints it (sockd:reload) through {@link #toString()}.
 *
 * @param results one per reloadable service, in the order they were asked
 */
public record ReloadReport(List<ReloadResult> results) {

    public ReloadReport {
        results = List.copyOf(results);
    }

    /** @return whether a file could not be used, and so the rules it holds stay as they were */
    public boolean anyFailed() {
        return results.stream().anyMatch(ReloadResult.Failed.class::isInstance);
    }

    @Override
    public String toString() {
        if (results.isEmpty()) {
            return "nothing to reload: no Reloadable service is registered";
        }
        return results.stream().map(ReloadReport::text).collect(Collectors.joining("\n"));
    }

    private static String text(ReloadResult result) {
        return switch (result) {
            case ReloadResult.Reloaded reloaded -> reloaded.source() + ": reloaded " + reloaded.entries() + " rules";
            case ReloadResult.Failed failed -> failed.source() + ": NOT reloaded, previous rules stay:"
                    + failed.errors().stream().map(error -> "\n  " + error).collect(Collectors.joining());
        };
    }
}
