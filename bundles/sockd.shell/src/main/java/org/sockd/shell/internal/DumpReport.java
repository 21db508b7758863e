package org.sockd.shell.internal;

import java.util.List;
import java.util.Objects;

/**
 * The configuration in force for sockd:dump; Gogo prints it through {@link #toString()}.
 *
 * @param sections one per {@link org.sockd.api.admin.Dumpable} service, in registration order
 */
public record DumpReport(List<Section> sections) {

    public DumpReport {
        sections = List.copyOf(sections);
    }

    /**
     * @param title the service's heading
     * @param lines what it showed, one entry a line
     * @param failure why it could not show anything, or {@code null}
     */
    public record Section(String title, List<String> lines, String failure) {
        public Section {
            Objects.requireNonNull(title, "title");
            lines = List.copyOf(lines);
        }
    }

    @Override
    public String toString() {
        return Text.dump(this);
    }
}
