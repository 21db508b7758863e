package org.sockd.core.internal;

/** The engine {@code relay.engine = threads}. */
class ThreadRelayTest extends RelayTest {

    ThreadRelayTest() throws java.io.IOException {
    }

    @Override
    Relay relay(LiveSession session, BufferPool pool) {
        return new ThreadRelay(session, pool);
    }

    @Override
    boolean borrowsForEveryBurst() {
        return true;
    }
}
