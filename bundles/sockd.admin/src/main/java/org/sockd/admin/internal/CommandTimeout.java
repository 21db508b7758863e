package org.sockd.admin.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each command on a virtual thread of its own and gives up on it, interrupted, after a time limit.
 *
 * @param runner what runs the command lines
 * @param limit how long a command may run
 */
record CommandTimeout(CommandRunner runner, Duration limit) {

    /** @return the command's answer, or a failed one saying why there is none */
    Answer run(String line) {
        FutureTask<Answer> task = new FutureTask<>(() -> runner.run(line));
        Thread.ofVirtual().name("sockd-admin-command").start(task);
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return Answer.failed("the command did not finish within " + limit.toSeconds() + " s and was interrupted");
        } catch (ExecutionException e) {
            return Answer.failed("the command was given up on: " + e.getCause());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return Answer.failed("the daemon is stopping; the command was interrupted");
        }
    }
}
