package org.sockd.launcher.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.admin.ListenerInfo;

/**
 * Waits until every listener asked for is bound, every bundle has started and the services the
 * configuration requires are registered ({@link RequiredServices}), then says {@code sockd ready};
 * ends the process when a listener cannot be bound: a daemon that silently serves fewer addresses
 * than it was told to is worse than one that stops.
 */
final class ListenerWait {

    static final long WAIT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(ListenerWait.class);

    private ListenerWait() {
    }

    /**
     * @param wanted how many listeners must be bound
     * @param what the listeners asked for, for the message when they cannot all be bound
     */
    static void watch(BundleContext context, ServiceComponentRuntime scr, int wanted, String what, IntConsumer exit) {
        Thread.ofPlatform().daemon().name("sockd-startup").start(() -> {
            ServiceTracker<ListenerInfo, ListenerInfo> tracker = new ServiceTracker<>(context, ListenerInfo.class, null);
            tracker.open();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
                Optional<String> failure = Optional.empty();
                while (!(tracker.size() >= wanted && started(context) && RequiredServices.missing(context).isEmpty())
                        && failure.isEmpty() && System.nanoTime() - deadline < 0) {
                    Thread.sleep(50);
                    failure = activationFailure(scr);
                }
                if (tracker.size() < wanted || failure.isPresent()) {
                    LOG.error("cannot listen on every address of {}: {}; stopping", what,
                            failure.orElse("not bound within " + WAIT_SECONDS + " s"));
                    exit.accept(1);
                } else {
                    awaitRequiredServices(context);
                    LOG.info("sockd ready");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                tracker.close();
            }
        });
    }

    /**
     * Ready means that a request can be served as configured: until then the core refuses every
     * request (fail closed), so say so, and wait on for as long as it takes.
     */
    private static void awaitRequiredServices(BundleContext context) throws InterruptedException {
        List<String> missing = RequiredServices.missing(context);
        if (!missing.isEmpty()) {
            LOG.warn("listening, but every request is refused until these are registered: {}", missing);
        }
        while (!missing.isEmpty()) {
            Thread.sleep(200);
            missing = RequiredServices.missing(context);
        }
    }

    /** The framework has reached the start level it was started for: every bundle is up. */
    static boolean started(BundleContext context) {
        String beginning = context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL);
        int target = beginning == null ? 1 : Integer.parseInt(beginning.strip());
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        return system.getState() == Bundle.ACTIVE && system.adapt(FrameworkStartLevel.class).getStartLevel() >= target;
    }

    private static Optional<String> activationFailure(ServiceComponentRuntime scr) {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!Launcher.LISTENER_FACTORY.equals(description.name)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return Optional.of(configuration.failure.lines().findFirst().orElse("activation failed"));
                }
            }
        }
        return Optional.empty();
    }
}
