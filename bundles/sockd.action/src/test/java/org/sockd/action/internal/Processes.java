package org.sockd.action.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Whether a process still runs, from /proc. */
final class Processes {

    private Processes() {
    }

    /** A zombie counts as ended ({@link ProcStat#ended}). */
    static boolean running(long pid) throws IOException {
        return ProcStat.read(pid).filter(stat -> !stat.ended()).isPresent();
    }

    /** {@link #running} for {@code Await}: a process whose state cannot be read fails the test. */
    static boolean ended(long pid) {
        try {
            return !running(pid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
