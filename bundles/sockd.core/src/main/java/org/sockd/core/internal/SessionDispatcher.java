package org.sockd.core.internal;

import java.nio.channels.SocketChannel;
import java.util.Optional;

/** Takes each accepted client connection from a listener and serves it. */
interface SessionDispatcher {

    /**
     * Serves the client on a thread of its own; never blocks the accepting thread.
     *
     * @param terms what the listener that accepted the client asks of it
     */
    void dispatch(SocketChannel client, ListenerTerms terms);

    /**
     * @return the node's drain, with which a listener registers the socket it opened so that draining
     *         closes it; empty for a dispatcher that cannot close one (an inherited socket is served on,
     *         and the core closes the clients it accepts while draining)
     */
    default Optional<Drain> listenerDrain() {
        return Optional.empty();
    }
}
