package org.sockd.api.log;

import java.util.Locale;

/** Why a session that was granted ended, as {@link SessionEvent.Ended} tells it. */
public enum EndReason {
    /** The client closed its connection first. */
    CLIENT_CLOSED,
    /** The target (for BIND, the host that connected in) closed its connection first. */
    TARGET_CLOSED,
    /** Nothing moved either way for the idle timeout. */
    IDLE_TIMEOUT,
    /** An administrator closed it ({@code sockd:kill}). */
    KILLED,
    /** One side reset its connection. */
    RESET,
    /** The daemon stopped while it was live. */
    SHUTDOWN,
    /** An I/O error other than a reset ended it. */
    ERROR,
    /** A revalidation found that the rules now in force refuse it. */
    REVALIDATED;

    /** @return the reason as the log writes it: {@code client-closed}, {@code idle-timeout}, ... */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
