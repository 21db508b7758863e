package org.sockd.core.internal.udp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.Endpoint;

/**
 * Remembers the gate's verdict per destination for a while, so a stream of datagrams to one
 * destination costs one lookup and one policy decision per lifetime rather than one each. The
 * lifetime is short so that a swapped or reloaded policy still reaches a running association.
 * Decided on the association's client thread only; {@link #interruptWait} may come from any.
 */
final class UdpDecisions {

    /** Destinations remembered at most; the least recently used is forgotten first. */
    static final int CAPACITY = 256;

    private static final Logger LOG = LoggerFactory.getLogger(UdpDecisions.class);

    private record Remembered(UdpGate.Verdict verdict, long decidedAt) {
    }

    private final UdpGate gate;
    private final long lifetimeNanos;
    private final LongSupplier nanoClock;
    private final Map<Endpoint, Remembered> remembered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Endpoint, Remembered> eldest) {
            return size() > CAPACITY;
        }
    };
    private boolean failureLogged;
    /** The client thread while it waits for the gate's answer, else {@code null}. */
    private volatile Thread waiter;

    /** @param nanoClock a monotonic clock in nanoseconds, {@link System#nanoTime()} in production */
    UdpDecisions(UdpGate gate, int lifetimeMillis, LongSupplier nanoClock) {
        this.gate = gate;
        this.lifetimeNanos = TimeUnit.MILLISECONDS.toNanos(lifetimeMillis);
        this.nanoClock = nanoClock;
    }

    UdpGate.Verdict decide(Endpoint destination) throws InterruptedException {
        long now = nanoClock.getAsLong();
        Remembered known = remembered.get(destination);
        if (known != null && now - known.decidedAt() < lifetimeNanos) {
            return known.verdict();
        }
        UdpGate.Verdict verdict = ask(destination);
        if (lifetimeNanos > 0) {
            remembered.put(destination, new Remembered(verdict, now));
        }
        return verdict;
    }

    /**
     * Ends a wait on the gate (a name lookup) as the association closes. Only that wait needs an
     * interrupt: interrupting a thread inside a send would throw after the datagram left, and its
     * bytes would go uncounted.
     */
    void interruptWait(Thread closer) {
        Thread waiting = waiter;
        if (waiting != null && waiting != closer) {
            waiting.interrupt();
        }
    }

    /** Fails closed: a gate that throws or answers nothing drops the datagram. */
    private UdpGate.Verdict ask(Endpoint destination) throws InterruptedException {
        waiter = Thread.currentThread();
        try {
            UdpGate.Verdict verdict = gate.decide(destination);
            return verdict != null ? verdict : new UdpGate.Verdict.Drop("the gate gave no verdict");
        } catch (RuntimeException e) {
            if (!failureLogged) {
                failureLogged = true;
                LOG.warn("UDP gate failed for {}; dropping such datagrams", destination.hostText(), e);
            }
            return new UdpGate.Verdict.Drop("the gate failed: " + e);
        } finally {
            waiter = null;
        }
    }
}
