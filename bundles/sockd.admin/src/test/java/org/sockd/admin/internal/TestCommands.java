package org.sockd.admin.internal;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Commands for the tests, in the shape of the sockd:* ones: they return values, or throw. */
public final class TestCommands {

    static final String[] FUNCTIONS = {"status", "kill", "printing", "sleep", "gather", "lines"};

    /** Counted down by each gather; the test sets how many must meet. */
    volatile CountDownLatch gathering = new CountDownLatch(0);
    volatile boolean interrupted;

    public Report status() {
        return new Report();
    }

    public String kill(String id) {
        if (!id.matches("[0-9]+")) {
            throw new IllegalArgumentException("kill: session id must be a number, as listed by sockd:sessions, not '" + id + "'");
        }
        throw new IllegalArgumentException("no live session " + id);
    }

    public String printing() {
        System.out.println("printed on out");
        System.err.println("printed on err");
        return "the result";
    }

    public String sleep() {
        try {
            Thread.sleep(60_000);
            return "woke up";
        } catch (InterruptedException e) {
            interrupted = true;
            return "interrupted";
        }
    }

    /** Returns once every client the test expects is in a command at the same time. */
    public String gather() throws InterruptedException {
        gathering.countDown();
        return gathering.await(10, TimeUnit.SECONDS) ? "met" : "alone";
    }

    public List<String> lines() {
        return List.of("exit 0", "err not an error", "");
    }

    /** Formats itself, as the sockd:* results do. */
    public static final class Report {
        @Override
        public String toString() {
            return "sockd 1.2.3\nlisteners: 127.0.0.1:1080";
        }
    }
}
