package org.sockd.core.internal;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's session dispatcher as it comes and goes. The core takes a changed configuration in
 * place, but it can still go and come back (its bundle updated or restarted), and a socket
 * inherited from inetd or systemd cannot be opened again: so what serves it outlives the core,
 * and a client that arrives while the core is away waits for the next one.
 */
final class InheritedCore implements SessionDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(InheritedCore.class);

    private final Duration wait;
    private SessionDispatcher current; // guarded by this, like restarting
    private boolean restarting;

    /** @param wait how long a client may wait for a core before it is closed */
    InheritedCore(Duration wait) {
        this.wait = wait;
    }

    synchronized void set(SessionDispatcher core) {
        if (restarting) {
            LOG.info("the core restarted: it serves the socket on standard input again");
        }
        current = core;
        restarting = false;
        notifyAll();
    }

    synchronized void clear(SessionDispatcher core) {
        if (current == core) {
            current = null;
            restarting = true;
        }
    }

    @Override
    public void dispatch(SocketChannel client, ListenerTerms terms) {
        SessionDispatcher core = awaitCore();
        if (core != null) {
            core.dispatch(client, terms);
            return;
        }
        LOG.error("error -- no core to serve a client within {} ms: closing its connection", wait.toMillis());
        try {
            client.close();
        } catch (IOException e) {
            // the client is gone either way
        }
    }

    private synchronized SessionDispatcher awaitCore() {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (long left = wait.toMillis(); current == null && left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the daemon is stopping: no core to wait for
        }
        return current;
    }
}
