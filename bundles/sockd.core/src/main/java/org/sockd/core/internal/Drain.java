package org.sockd.core.internal;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the node drains, and the listening sockets it closes and opens again. Closing them (rather
 * than leaving clients queued in an unaccepted backlog) makes a balancer see "connection refused"
 * at once, even one that checks only that the port answers.
 */
final class Drain {

    /** A listening socket that can be closed and bound again at the same address. */
    interface Gate {
        void close();

        void open() throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Drain.class);

    private final Set<Gate> gates = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;

    /** A listener that opens while the node drains is closed at once. */
    synchronized void add(Gate gate) {
        gates.add(gate);
        if (draining) {
            gate.close();
        }
    }

    synchronized void remove(Gate gate) {
        gates.remove(gate);
    }

    synchronized void drain() {
        if (!draining) {
            draining = true;
            gates.forEach(Gate::close);
            LOG.info("draining: {} listeners closed, live sessions go on", gates.size());
        }
    }

    /** A listener whose address was taken meanwhile stays closed, and says so. */
    synchronized void undrain() {
        if (draining) {
            draining = false;
            for (Gate gate : gates) {
                try {
                    gate.open();
                } catch (IOException e) {
                    LOG.error("undrain: {} stays closed: {}", gate, e.getMessage());
                }
            }
            LOG.info("no longer draining: accepting new clients");
        }
    }

    boolean draining() {
        return draining;
    }
}
