package org.sockd.action.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Ends a command together with every process it started. {@link ShellRun} starts each command as
 * the leader of a session of its own, so whatever the command left running is found by that
 * session even after its parent exited and init adopted it, which a walk of the shell's
 * descendants would miss. Only a process that starts a session of its own again gets away.
 */
final class CommandSession {

    private static final Duration POLL = Duration.ofMillis(20);

    private final Duration grace;

    /** @param grace how long the processes get to end after SIGTERM before SIGKILL */
    CommandSession(Duration grace) {
        this.grace = grace;
    }

    /**
     * Sends SIGTERM to every process of the command's session, the shell too while it runs, then
     * SIGKILL to those still running after the grace period. Also called when the shell exited by
     * itself: what it left in the background does not outlive it.
     *
     * @return how many processes besides the shell there were
     */
    int end(Process shell) {
        List<ProcessHandle> members = members(shell.pid());
        members.forEach(ProcessHandle::destroy);
        if (!emptyWithin(shell.pid(), grace)) {
            killNow(shell);
        }
        return (int) members.stream().filter(member -> member.pid() != shell.pid()).count();
    }

    /** SIGKILL at once; returns once no process of the session runs, or after the grace period. */
    void killNow(Process shell) {
        long deadline = System.nanoTime() + grace.toNanos();
        // SIGKILL cannot be refused, but a process may start another between the scan and the signal.
        for (List<ProcessHandle> members = members(shell.pid()); !members.isEmpty(); members = members(shell.pid())) {
            members.forEach(ProcessHandle::destroyForcibly);
            if (System.nanoTime() - deadline >= 0 || !pause()) {
                return;
            }
        }
    }

    private static boolean emptyWithin(long session, Duration time) {
        long deadline = System.nanoTime() + time.toNanos();
        while (!members(session).isEmpty()) {
            if (System.nanoTime() - deadline >= 0 || !pause()) {
                return false;
            }
        }
        return true;
    }

    /** The processes of the session that still run; the session id is its leader's pid. */
    private static List<ProcessHandle> members(long session) {
        return ProcessHandle.allProcesses().filter(process -> runsIn(process.pid(), session)).toList();
    }

    private static boolean runsIn(long pid, long session) {
        try {
            return ProcStat.read(pid).filter(stat -> stat.session() == session && !stat.ended()).isPresent();
        } catch (IOException e) {
            return false; // it ended while being read, or it is another user's: not the command's
        }
    }

    /** @return false when interrupted: the runner is stopping, so stop waiting (the flag stays set) */
    private static boolean pause() {
        try {
            Thread.sleep(POLL);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
