package org.sockd.common.admin;

import java.util.List;
import org.sockd.api.admin.Dumpable;

/**
 * A {@link Dumpable} that shows what a test gives it; shared with the launcher's and the shell's tests.
 *
 * @param lines what {@link #dump()} returns, {@code null} for a service that fails
 */
public record FixedDumpable(String title, List<String> lines) implements Dumpable {

    @Override
    public List<String> dump() {
        return lines;
    }
}
