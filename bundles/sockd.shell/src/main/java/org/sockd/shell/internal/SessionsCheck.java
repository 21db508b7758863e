package org.sockd.shell.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sockd.api.access.Preview;
import org.sockd.api.access.Previewable;
import org.sockd.api.admin.SessionRefusal;
import org.sockd.api.admin.SessionRegistry;

/**
 * Which live sessions the access policy's files on disk would end on a reload with
 * {@code --revalidate} (sockd:check --sessions); nothing is put in force and nothing ends. Gogo
 * prints it through {@link #toString()}.
 */
public sealed interface SessionsCheck {

    /** No access policy is registered. */
    record NoPolicy() implements SessionsCheck {
        @Override
        public String toString() {
            return CheckText.sessions(this);
        }
    }

    /** @param policy the name of the policy in use, which cannot read its files without putting them in force */
    record NoPreview(String policy) implements SessionsCheck {
        @Override
        public String toString() {
            return CheckText.sessions(this);
        }
    }

    /** @param preview why the files could not be used: a reload would keep the rules in force and end nothing */
    record Invalid(Preview.Invalid preview) implements SessionsCheck {
        @Override
        public String toString() {
            return CheckText.sessions(this);
        }
    }

    /**
     * @param source the file the rules would come from
     * @param live how many sessions are live
     * @param refused those the rules on disk refuse, oldest first
     */
    record WouldEnd(String source, int live, List<SessionRefusal> refused) implements SessionsCheck {
        public WouldEnd {
            Objects.requireNonNull(source, "source");
            refused = List.copyOf(refused);
        }

        @Override
        public String toString() {
            return CheckText.sessions(this);
        }
    }

    /** Asks the policy in use for its files on disk, and the core which sessions they refuse. */
    static SessionsCheck of(List<PolicyService> policies, SessionRegistry core) {
        Optional<PolicyService> inUse = PolicyService.preferredFirst(policies).stream().findFirst();
        if (inUse.isEmpty()) {
            return new NoPolicy();
        }
        if (!(inUse.get().policy() instanceof Previewable previewable)) {
            return new NoPreview(inUse.get().service().name());
        }
        return switch (previewable.preview()) {
            case Preview.Invalid invalid -> new Invalid(invalid);
            case Preview.Ready ready -> new WouldEnd(ready.source(), core.sessions().size(), core.refusedBy(ready.policy()));
        };
    }
}
