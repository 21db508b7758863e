package org.sockd.common.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import org.junit.jupiter.api.Test;

/** The {@code @Modified} hand-over: the new state takes over, then the old one is closed. */
class HandoverTest {

    /** Remembers whether it was closed, and whether it was still in force at that moment. */
    private static final class State implements Closeable {
        private Handover<State> owner;
        private boolean closed;
        private boolean inForceWhenClosed;

        @Override
        public void close() {
            closed = true;
            inForceWhenClosed = owner.current() == this;
        }
    }

    @Test
    void theNewStateTakesOverBeforeTheOldOneIsClosed() {
        State first = new State();
        State second = new State();
        Handover<State> handover = new Handover<>(first);
        first.owner = handover;
        second.owner = handover;

        handover.handTo(second);

        assertThat(handover.current()).isSameAs(second);
        assertThat(first.closed).isTrue();
        assertThat(first.inForceWhenClosed).isFalse();
        assertThat(second.closed).isFalse();
    }

    @Test
    void closingClosesTheStateInForce() {
        State only = new State();
        Handover<State> handover = new Handover<>(only);
        only.owner = handover;

        handover.close();

        assertThat(only.closed).isTrue();
    }
}
