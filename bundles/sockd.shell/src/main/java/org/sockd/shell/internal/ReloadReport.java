package org.sockd.shell.internal;

import java.util.List;
import org.sockd.api.admin.ReloadResult;

/**
 * What sockd:reload did; Gogo prints it through {@link #toString()}.
 *
 * @param results one per reloadable service, in the order they were asked
 */
public record ReloadReport(List<ReloadResult> results) {

    public ReloadReport {
        results = List.copyOf(results);
    }

    @Override
    public String toString() {
        return Text.reload(results);
    }
}
