package org.sockd.access.internal.rule;

import java.util.Objects;

/** The optional {@code op port} part of a rule, applied to the destination port of a request. */
public sealed interface PortTest {

    /** What a rule without {@code op port} means: every port passes. */
    PortTest ANY = new Any();

    boolean passes(int port);

    record Any() implements PortTest {
        @Override
        public boolean passes(int port) {
            return true;
        }
    }

    record Compare(Op op, int port) implements PortTest {
        public Compare {
            Objects.requireNonNull(op, "op");
            if (port < 0 || port > 0xFFFF) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        @Override
        public boolean passes(int actual) {
            return op.test(actual, port);
        }
    }
}
