package org.sockd.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.sockd.common.testing.Await;

/**
 * Clients that send one request after another, each on a thread of its own, until closed, and
 * remember when each request started and ended and whether it succeeded: what a failover costs.
 */
final class ContinuousRequests implements AutoCloseable {

    /** Sends one request; it failed if this throws, for the reason the exception says. */
    interface Request {
        void send() throws Exception;
    }

    /**
     * One request.
     *
     * @param started {@link System#nanoTime()} when it was sent
     * @param ended {@link System#nanoTime()} when its answer (or failure) came
     * @param failure why it failed; empty when it succeeded
     */
    record Outcome(long started, long ended, Optional<String> failure) {

        boolean succeeded() {
            return failure.isEmpty();
        }

        Duration took() {
            return Duration.ofNanos(ended - started);
        }
    }

    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final List<Thread> clients;
    private volatile boolean stopped;

    ContinuousRequests(int clients, Request request) {
        this.clients = IntStream.range(0, clients)
                .mapToObj(i -> Thread.ofVirtual().name("request-client-" + i).start(() -> loop(request)))
                .toList();
    }

    private void loop(Request request) {
        while (!stopped) {
            long started = System.nanoTime();
            Optional<String> failure;
            try {
                request.send();
                failure = Optional.empty();
            } catch (InterruptedException e) {
                return;
            } catch (Exception | AssertionError e) {
                failure = Optional.of(String.valueOf(e.getMessage()).strip());
            }
            outcomes.add(new Outcome(started, System.nanoTime(), failure));
        }
    }

    /** Waits until {@code count} requests sent at or after {@code since} (nanoTime) have succeeded. */
    void awaitSuccessesSince(long since, int count) throws InterruptedException {
        Await.until(() -> outcomes().stream().filter(o -> o.started() - since >= 0 && o.succeeded()).count() >= count,
                Duration.ofSeconds(60), count + " requests to succeed");
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Stops sending; each client finishes the request it is sending. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(60));
        }
    }
}
