package org.sockd.common.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sockd.api.admin.Dumpable;

/**
 * What every {@link Dumpable} shows of the configuration in force: the one path of
 * {@code sockd:dump}, which Gogo prints through {@link #toString()}, and of the SIGUSR1 dump, which
 * logs {@link #lines()}.
 *
 * @param sections one per service, in the order given
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

    /** Asks each service; one that throws does not hide what the others show. */
    public static DumpReport of(List<Dumpable> dumpables) {
        return new DumpReport(dumpables.stream().map(DumpReport::section).toList());
    }

    private static Section section(Dumpable dumpable) {
        String title;
        try {
            title = dumpable.title();
        } catch (RuntimeException e) {
            title = dumpable.toString();
        }
        try {
            return new Section(title, dumpable.dump(), null);
        } catch (RuntimeException e) {
            return new Section(title, List.of(), e.toString());
        }
    }

    /** @return each section's title, then its entries indented, or the title and why nothing is shown */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Section section : sections) {
            if (section.failure() != null) {
                lines.add(section.title() + ": could not be shown: " + section.failure());
                continue;
            }
            lines.add(section.title() + ":");
            section.lines().forEach(line -> lines.add("  " + line));
        }
        return lines;
    }

    @Override
    public String toString() {
        return sections.isEmpty() ? "nothing to dump: no Dumpable service is registered" : String.join("\n", lines());
    }
}
