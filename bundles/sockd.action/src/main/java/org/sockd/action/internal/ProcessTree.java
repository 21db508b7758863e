package org.sockd.action.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends a command together with everything it started: killing only the shell would leave its
 * children running, re-parented and out of reach (hardening.md CMD-5).
 */
final class ProcessTree {

    private final Duration grace;

    /** @param grace how long the processes get to end after SIGTERM before SIGKILL */
    ProcessTree(Duration grace) {
        this.grace = grace;
    }

    /**
     * Sends SIGTERM to the process and its descendants, then SIGKILL to those still alive after
     * the grace period.
     *
     * @return how many descendants there were
     */
    int kill(Process process) {
        List<ProcessHandle> all = snapshot(process);
        all.forEach(ProcessHandle::destroy);
        if (!endWithin(all, grace)) {
            all.forEach(ProcessHandle::destroyForcibly);
            awaitShell(process);
        }
        return all.size() - 1;
    }

    /** SIGKILL at once, for when the runner itself is stopping; returns once they ended or the grace passed. */
    void killNow(Process process) {
        List<ProcessHandle> all = snapshot(process);
        all.forEach(ProcessHandle::destroyForcibly);
        endWithin(all, grace);
    }

    /**
     * SIGKILL is delivered asynchronously: wait (bounded) until the shell, our own child, is reaped,
     * so "killed" means gone. Orphaned children cannot be waited for; they end as the signal lands.
     */
    private void awaitShell(Process process) {
        try {
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The descendants are listed before anything is killed: once the shell is gone, they are orphans. */
    private static List<ProcessHandle> snapshot(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        return all;
    }

    private static boolean endWithin(List<ProcessHandle> processes, Duration grace) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
