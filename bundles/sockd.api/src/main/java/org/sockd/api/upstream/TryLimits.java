package org.sockd.api.upstream;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds on the tries of one request; each try also has its upstream's
 * {@link Upstream#connectTimeout()}, and the whole request stays within the core's connect timeout.
 *
 * @param maxTries how many addresses at most are tried for one request, over all its upstreams
 * @param negotiateTimeout how long one upstream may take, once connected, to accept or refuse
 */
public record TryLimits(int maxTries, Duration negotiateTimeout) {
    public TryLimits {
        if (maxTries < 1) {
            throw new IllegalArgumentException("at least one try, not " + maxTries);
        }
        Objects.requireNonNull(negotiateTimeout, "negotiateTimeout");
    }
}
