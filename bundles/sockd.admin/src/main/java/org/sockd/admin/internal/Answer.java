package org.sockd.admin.internal;

import java.util.Objects;

/**
 * What the daemon answers to one command line.
 *
 * @param status {@link #DONE} or {@link #FAILED}; the client exits with it
 * @param out what the command printed and its result, formatted as the console shows it
 * @param err what it printed on its error stream, and the error when it failed
 */
record Answer(int status, String out, String err) {

    static final int DONE = 0;
    static final int FAILED = 1;

    Answer {
        if (status != DONE && status != FAILED) {
            throw new IllegalArgumentException("status must be 0 or 1, not " + status);
        }
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    static Answer failed(String message) {
        return new Answer(FAILED, "", message);
    }
}
