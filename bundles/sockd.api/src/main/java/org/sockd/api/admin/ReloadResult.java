package org.sockd.api.admin;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link Reloadable#reload()}. */
public sealed interface ReloadResult {

    /** @return the file that was read, for messages */
    String source();

    /**
     * The new configuration is in force.
     *
     * @param source the file that was read
     * @param entries how many rules or entries it holds
     */
    record Reloaded(String source, int entries) implements ReloadResult {
        public Reloaded {
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * The file could not be used; the configuration in force is unchanged.
     *
     * @param source the file that was read
     * @param errors every problem, each naming file and line where there is one
     */
    record Failed(String source, List<String> errors) implements ReloadResult {
        public Failed {
            Objects.requireNonNull(source, "source");
            errors = List.copyOf(errors);
        }
    }
}
