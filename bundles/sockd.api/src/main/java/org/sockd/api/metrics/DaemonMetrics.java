package org.sockd.api.metrics;

import org.osgi.annotation.versioning.ProviderType;

/** Registered by the core: its counters since it started. */
@ProviderType
public interface DaemonMetrics {

    /** @return the counters as they are now; never {@code null} */
    MetricsSnapshot snapshot();

    /**
     * Counts a reload (SIGHUP, {@code sockd:reload}, {@code bin/sockd ctl reload}) and its time;
     * called by the one reload path once every file has been read.
     *
     * @param succeeded false when any file could not be used and its previous rules stay
     */
    void reloaded(boolean succeeded);
}
