package org.sockd.action.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code /proc/PID/stat} tells of a process: its state and its session, which the JDK does
 * not show.
 *
 * @param state the state letter ({@code R}, {@code S}, {@code Z}...)
 * @param session the pid of the session's leader
 */
record ProcStat(char state, long session) {

    /** @return the process's stat, or empty when there is no such process */
    static Optional<ProcStat> read(long pid) throws IOException {
        try {
            return Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The command name in parentheses may hold blanks and parentheses: fields count from the last {@code )}. */
    static ProcStat parse(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new ProcStat(fields[0].charAt(0), Long.parseLong(fields[3]));
    }

    /**
     * A zombie runs nothing, it only waits to be reaped, which PID 1 of a container may never do;
     * the JDK counts it as alive.
     */
    boolean ended() {
        return state == 'Z' || state == 'X';
    }
}
