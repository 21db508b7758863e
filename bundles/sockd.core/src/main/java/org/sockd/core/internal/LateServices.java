package org.sockd.core.internal;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Where a service past {@code policy.timeout.ms} is noticed: each kind on its own, so that a
 * policy that hangs all day does not hide that the route selector hangs too.
 */
record LateServices(RateLimitedLog policy, RateLimitedLog authenticator, RateLimitedLog routes) {

    /** Each kind said at most once a minute. */
    static LateServices of(Logger log) {
        long minute = TimeUnit.MINUTES.toNanos(1);
        return new LateServices(new RateLimitedLog(log, minute), new RateLimitedLog(log, minute),
                new RateLimitedLog(log, minute));
    }
}
