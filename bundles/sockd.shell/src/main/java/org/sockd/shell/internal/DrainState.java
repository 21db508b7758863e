package org.sockd.shell.internal;

/**
 * What sockd:drain and sockd:undrain leave; Gogo prints it through {@link #toString()}.
 *
 * @param draining whether the node drains now
 * @param sessionsLeft the sessions live now
 */
public record DrainState(boolean draining, int sessionsLeft) {

    @Override
    public String toString() {
        return draining ? "draining: " + sessionsLeft + " sessions left; new connections are refused"
                : "accepting new clients; " + sessionsLeft + " sessions live";
    }
}
