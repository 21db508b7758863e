package org.sockd.action.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Whether a process still runs, from /proc. */
final class Processes {

    private Processes() {
    }

    /**
     * A killed orphan stays a zombie where PID 1 does not reap (containers), and the JDK counts
     * zombies as alive; a zombie runs nothing, so here it counts as ended.
     */
    static boolean running(long pid) throws IOException {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (NoSuchFileException e) {
            return false;
        }
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
