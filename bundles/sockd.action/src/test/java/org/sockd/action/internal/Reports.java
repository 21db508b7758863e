package org.sockd.action.internal;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Collects what the runner would log, so tests can wait for it. */
final class Reports implements Consumer<ActionReport> {

    private final BlockingQueue<ActionReport> received = new LinkedBlockingQueue<>();

    @Override
    public void accept(ActionReport report) {
        received.add(report);
    }

    /** @return the next report, failing the test when none comes within 10 s */
    ActionReport next() throws InterruptedException {
        ActionReport report = received.poll(10, TimeUnit.SECONDS);
        if (report == null) {
            fail("no action report within 10 s");
        }
        return report;
    }

    /** @return the next report, or null when none comes within {@code millis} */
    ActionReport poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }
}
