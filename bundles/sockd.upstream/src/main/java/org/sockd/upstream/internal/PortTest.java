package org.sockd.upstream.internal;

import java.util.Objects;

/** The port part of a line, applied to a port of the request. */
sealed interface PortTest {

    /** No port test: every port passes. */
    PortTest ANY = new Any();

    boolean passes(int port);

    /** @return the test as a classic line writes it ({@code eq 80}), empty for {@link Any} */
    String classicText();

    /** @return the test as a Dante route writes it ({@code port = 80}), empty for {@link Any} */
    String danteText();

    record Any() implements PortTest {
        @Override
        public boolean passes(int port) {
            return true;
        }

        @Override
        public String classicText() {
            return "";
        }

        @Override
        public String danteText() {
            return "";
        }
    }

    record Compare(Op op, int port) implements PortTest {
        public Compare {
            Objects.requireNonNull(op, "op");
        }

        @Override
        public boolean passes(int actual) {
            return op.test(actual, port);
        }

        @Override
        public String classicText() {
            return op.keyword() + " " + port;
        }

        @Override
        public String danteText() {
            return "port " + op.symbol() + " " + port;
        }
    }

    /** Dante's {@code port N - M}: both ends included. */
    record Range(int low, int high) implements PortTest {
        @Override
        public boolean passes(int actual) {
            return actual >= low && actual <= high;
        }

        @Override
        public String classicText() {
            throw new IllegalStateException("a classic line has no port range");
        }

        @Override
        public String danteText() {
            return "port " + low + " - " + high;
        }
    }
}
