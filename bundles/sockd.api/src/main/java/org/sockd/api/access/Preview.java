package org.sockd.api.access;

import java.util.List;
import java.util.Objects;

/** What a {@link Previewable} policy's configuration on disk would be, read without putting it in force. */
public sealed interface Preview {

    /** @return the file that was read, for messages */
    String source();

    /**
     * The files are valid: this is how they would decide.
     *
     * @param source the file that was read
     * @param policy decides as the policy would once the files are in force; the same contract as
     *        {@link AccessPolicy#decide}
     */
    record Ready(String source, AccessPolicy policy) implements Preview {
        public Ready {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(policy, "policy");
        }
    }

    /**
     * The files could not be used: a reload would keep the configuration in force.
     *
     * @param source the file that was read
     * @param errors every problem, each naming file and line where there is one
     */
    record Invalid(String source, List<String> errors) implements Preview {
        public Invalid {
            Objects.requireNonNull(source, "source");
            errors = List.copyOf(errors);
        }
    }
}
