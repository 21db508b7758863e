package org.sockd.e2e;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sockd.itest.Socks5Client;

/**
 * Clients that keep opening short SOCKS 5 sessions to an echo target through the proxy, each a
 * CONNECT, one checked round trip and a close, until stopped or until their time is up. Every
 * session that does not complete is recorded with its reason.
 */
final class EchoLoad implements AutoCloseable {

    private final List<Thread> clients = new ArrayList<>();
    private final AtomicLong completed = new AtomicLong();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final long deadline;
    private volatile boolean stopped;

    /**
     * @param clients how many sessions run at once
     * @param limitSeconds the longest the load runs if nobody stops it
     */
    EchoLoad(InetSocketAddress proxy, InetSocketAddress echo, int clients, int limitSeconds) {
        this.deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
        for (int i = 0; i < clients; i++) {
            this.clients.add(Thread.ofPlatform().name("echo-load-" + i).start(() -> run(proxy, echo)));
        }
    }

    private void run(InetSocketAddress proxy, InetSocketAddress echo) {
        byte[] data = new byte[64];
        while (!stopped && System.nanoTime() - deadline < 0) {
            ThreadLocalRandom.current().nextBytes(data);
            try (Socks5Client.Connection session = Socks5Client.connect(proxy, echo)) {
                if (session.reply() != 0) {
                    failures.add("refused with REP " + session.reply());
                    continue;
                }
                session.roundTrip(data);
                completed.incrementAndGet();
            } catch (Exception e) {
                failures.add(e.toString());
            }
        }
    }

    /** @return sessions completed so far */
    long completed() {
        return completed.get();
    }

    /** @return why each failed session failed */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /** Stops the clients after their current session and waits for them. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        for (Thread client : clients) {
            client.join(30_000);
        }
    }
}
