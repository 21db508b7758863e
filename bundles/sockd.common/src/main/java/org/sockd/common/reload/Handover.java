package org.sockd.common.reload;

import java.io.Closeable;
import java.util.Objects;
import org.sockd.common.io.Closing;

/**
 * What a component's configuration made, and the {@code @Modified} hand-over to what a changed
 * configuration makes: the new state is built completely and then takes over in one step, with
 * the service staying registered. Letting SCR re-create the component instead would withdraw the
 * service for a moment, and a request then would find none (or the wrong one).
 *
 * @param <S> the state, closed when it is handed over or the component goes
 */
public final class Handover<S extends Closeable> {

    private volatile S current;

    /** @param first the state of the configuration the component started with */
    public Handover(S first) {
        this.current = Objects.requireNonNull(first, "first");
    }

    /** @return the state in force; read it once per request, so that a request sees one state */
    public S current() {
        return current;
    }

    /** Puts {@code next} in force, then closes the state it replaces. */
    public void handTo(S next) {
        S previous = current;
        current = Objects.requireNonNull(next, "next");
        Closing.quietly(previous);
    }

    /** Closes the state in force, when the component is deactivated. */
    public void close() {
        Closing.quietly(current);
    }
}
