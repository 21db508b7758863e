package org.sockd.core.internal;

import java.nio.channels.SocketChannel;

/** Takes each accepted client connection from a listener and serves it. */
interface SessionDispatcher {

    /**
     * Serves the client on a thread of its own; never blocks the accepting thread.
     *
     * @param terms what the listener that accepted the client asks of it
     */
    void dispatch(SocketChannel client, ListenerTerms terms);
}
