package org.sockd.core.internal;

import java.nio.channels.SocketChannel;

/**
 * Copies bytes both ways between client and target until both directions have ended. End of
 * input on one side is passed on as a half-close, so the other direction keeps flowing; an error
 * on either side ends both and closes both connections. The session's cause of end is recorded
 * before it returns.
 */
interface Relay extends LiveSession.Traffic {

    /** Returns when both directions are done; the connections stay open unless an error closed them. */
    void run(SocketChannel client, SocketChannel target) throws InterruptedException;
}
