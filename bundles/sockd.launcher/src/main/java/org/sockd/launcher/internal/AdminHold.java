package org.sockd.launcher.internal;

import java.util.Arrays;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Keeps the admin channel's bundle from starting until the launcher lets it: a process that is
 * about to exit (a usage error, a file that cannot be loaded, a configuration test) must neither
 * open an admin socket nor take or probe the one of the daemon already running. The launcher
 * starts below the admin bundle's start level, so stopping the bundle then only marks it not to be
 * started; starting it later opens the channel.
 */
final class AdminHold {

    static final String ADMIN_BUNDLE = "sockd.admin";

    private final Optional<Bundle> admin;

    private AdminHold(Optional<Bundle> admin) {
        this.admin = admin;
    }

    /** Holds the admin bundle back, if it is installed. */
    static AdminHold hold(BundleContext context) throws BundleException {
        Optional<Bundle> admin = Arrays.stream(context.getBundles())
                .filter(bundle -> ADMIN_BUNDLE.equals(bundle.getSymbolicName()))
                .findFirst();
        if (admin.isPresent()) {
            admin.get().stop();
        }
        return new AdminHold(admin);
    }

    /** Starts the admin bundle: its channel opens now. */
    void release() throws BundleException {
        if (admin.isPresent()) {
            admin.get().start();
        }
    }
}
