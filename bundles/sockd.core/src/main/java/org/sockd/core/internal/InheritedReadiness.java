package org.sockd.core.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.access.AccessPolicy;

/**
 * Waits, for a bounded time, until the daemon can decide a request: every bundle that is to be
 * started has started (so the protocol handlers and the log are there), and an access policy is
 * registered (its configuration reaches it asynchronously).
 * A client that inetd or systemd hands over is often already waiting, and one served before then
 * would be refused, or not even understood.
 */
final class InheritedReadiness implements InheritedChannelListener.Readiness {

    private static final Logger LOG = LoggerFactory.getLogger(InheritedReadiness.class);
    private static final long STARTED_POLL_MILLIS = 2;

    private final BundleContext context;
    private final Duration limit;

    InheritedReadiness(BundleContext context, Duration limit) {
        this.context = context;
        this.limit = limit;
    }

    @Override
    public void await() throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        if (!allBundlesStarted(deadline)) {
            LOG.warn("bundles still starting after {} ms: serving anyway", limit.toMillis());
        } else if (!accessPolicyRegistered(deadline)) {
            LOG.warn("no access policy within {} ms: serving anyway, requests are refused until one is registered",
                    limit.toMillis());
        }
    }

    /** Polled: a bundle being started sends no event that says the framework is done starting the others. */
    private boolean allBundlesStarted(long deadline) throws InterruptedException {
        FrameworkStartLevel framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkStartLevel.class);
        while (!allStarted(framework.getStartLevel())) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(STARTED_POLL_MILLIS);
        }
        return true;
    }

    /** @return true when every bundle marked to start, at a start level the framework has reached, is active */
    private boolean allStarted(int frameworkLevel) {
        for (Bundle bundle : context.getBundles()) {
            BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
            boolean due = level != null && level.isPersistentlyStarted() && level.getStartLevel() <= frameworkLevel;
            boolean lazy = bundle.getState() == Bundle.STARTING && level != null && level.isActivationPolicyUsed()
                    && bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY) != null;
            if (due && bundle.getState() != Bundle.ACTIVE && !lazy) {
                return false;
            }
        }
        return true;
    }

    private boolean accessPolicyRegistered(long deadline) throws InterruptedException {
        ServiceTracker<AccessPolicy, AccessPolicy> tracker = new ServiceTracker<>(context, AccessPolicy.class, null);
        tracker.open();
        try {
            return tracker.waitForService(remainingMillis(deadline)) != null;
        } finally {
            tracker.close();
        }
    }

    /** At least 1: waitForService(0) would wait for ever. */
    private static long remainingMillis(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }
}
