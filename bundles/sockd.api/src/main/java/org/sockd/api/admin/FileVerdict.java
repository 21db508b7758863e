package org.sockd.api.admin;

import java.util.List;
import java.util.Objects;

/**
 * What a policy made of its configuration file when it last read it: at start, or at the last
 * reload. A launcher refuses to start on a file that was not loaded; a readiness check reports a
 * daemon whose file was {@link Refused} as not ready.
 */
public sealed interface FileVerdict {

    /** @return the file as configured */
    String file();

    /** @return what the file's entries are called, plural: "rules", "routes", "users" */
    String noun();

    /**
     * The whole file was read and is in force.
     *
     * @param entries how many entries it holds
     */
    record Loaded(String file, String noun, int entries) implements FileVerdict {
        /** Checks that file and noun are given. */
        public Loaded {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(noun, "noun");
        }
    }

    /**
     * The last reload found errors; what an earlier read gave stays in force.
     *
     * @param errors every error, each naming file and line where there is one
     */
    record Kept(String file, String noun, List<String> errors) implements FileVerdict {
        /** Checks that file and noun are given, and copies the errors. */
        public Kept {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(noun, "noun");
            errors = List.copyOf(errors);
        }
    }

    /**
     * No valid content was ever read from the file: the policy refuses every request (fail closed).
     *
     * @param errors every error, each naming file and line where there is one
     */
    record Refused(String file, String noun, List<String> errors) implements FileVerdict {
        /** Checks that file and noun are given, and copies the errors. */
        public Refused {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(noun, "noun");
            errors = List.copyOf(errors);
        }
    }
}
