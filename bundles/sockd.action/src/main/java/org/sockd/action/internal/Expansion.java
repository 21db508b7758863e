package org.sockd.action.internal;

/** A command with its {@code %} codes replaced, or the reason it must not run. */
sealed interface Expansion {

    /** @param command the text to hand to {@code /bin/sh -c} */
    record Ready(String command) implements Expansion {
    }

    /** @param head the first characters of the expansion, for the log */
    record TooLong(String head) implements Expansion {
    }
}
