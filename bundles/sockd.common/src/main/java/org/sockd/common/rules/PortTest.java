package org.sockd.common.rules;

import java.util.Objects;

/** The port part of a rule or line, applied to the destination port of a request. */
public sealed interface PortTest {

    /** No port test: every port passes. */
    PortTest ANY = new Any();

    /** @return whether the port passes the test */
    boolean passes(int port);

    /** @return the test as a classic line writes it ({@code eq 80}), empty for {@link Any} */
    String classicText();

    /** @return the test as a Dante route writes it ({@code port = 80}), empty for {@link Any} */
    String danteText();

    /** Every port. */
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

    /** {@code op port}, the classic test (Dante writes it with a symbol). */
    record Compare(Op op, int port) implements PortTest {
        /** Checks the operator and the port range. */
        public Compare {
            Objects.requireNonNull(op, "op");
            checkPort(port);
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

    /** Dante's {@code port N - M}: both ends included. The classic grammar has no range. */
    record Range(int low, int high) implements PortTest {
        /** Checks the port range. */
        public Range {
            checkPort(low);
            checkPort(high);
        }

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

    private static void checkPort(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
