package org.sockd.core.internal;

import java.nio.channels.SocketChannel;

/** Takes each accepted client connection from a listener and serves it. */
interface SessionDispatcher {

    /** Serves the client on a thread of its own; never blocks the accepting thread. */
    void dispatch(SocketChannel client);
}
