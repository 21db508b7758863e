package org.sockd.core.internal;

import java.nio.channels.SocketChannel;

/**
 * Copies bytes both ways between client and target until both directions have ended. End of
 * input on one side is passed on as a half-close, so the other direction keeps flowing; an error
 * on either side ends both and closes both connections. No thread waits for the end: the session's
 * cause of end is recorded, then {@code whenDone} runs.
 */
interface Relay extends LiveSession.Traffic {

    /**
     * Starts relaying and returns at once.
     *
     * @param whenDone run once, on a thread of its own, when both directions are done; the
     *        connections stay open unless an error closed them
     */
    void start(SocketChannel client, SocketChannel target, Runnable whenDone);
}
