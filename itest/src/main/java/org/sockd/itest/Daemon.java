package org.sockd.itest;

import java.net.InetSocketAddress;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.sockd.api.admin.ListenerInfo;
import org.sockd.api.admin.SessionRegistry;

/** Configures the daemon's core and a loopback listener through Config Admin, as an operator would. */
final class Daemon implements AutoCloseable {

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final Configuration listener;
    private final Configuration core;
    private final InetSocketAddress address;

    private Daemon(BundleContext context, ServiceComponentRuntime scr, Configuration listener, Configuration core,
            InetSocketAddress address) {
        this.context = context;
        this.scr = scr;
        this.listener = listener;
        this.core = core;
        this.address = address;
    }

    /**
     * Applies the core properties (if any), waits until the core has them, then opens a listener on
     * 127.0.0.1 port 0 and waits until it is bound.
     */
    static Daemon start(BundleContext context, ConfigurationAdmin configAdmin, ServiceComponentRuntime scr,
            String name, Map<String, Object> coreProperties) throws Exception {
        Configuration core = null;
        if (!coreProperties.isEmpty()) {
            core = configAdmin.getConfiguration("sockd.core", "?");
            core.update(new Hashtable<>(coreProperties));
            awaitCoreProperties(context, coreProperties);
        }
        Configuration listener = configAdmin.getFactoryConfiguration("sockd.listener", name, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("address", "127.0.0.1");
        properties.put("port", 0);
        listener.update(properties);
        return new Daemon(context, scr, listener, core, awaitListener(context, listener.getPid()));
    }

    InetSocketAddress address() {
        return address;
    }

    /** Changes core properties of a running daemon, as an administrator editing its file would, and waits until they apply. */
    void reconfigureCore(Map<String, Object> properties) throws Exception {
        if (core == null) {
            throw new IllegalStateException("start the daemon with core properties to change them later");
        }
        core.update(new Hashtable<>(properties));
        awaitCoreProperties(context, properties);
    }

    /**
     * Config Admin delivers updates on its own thread, so the core may still run with an earlier
     * test's properties; wait until it has these ones. SCR changes the properties of the core's
     * service only once its {@code @Modified} has returned, so from then on a new session gets them
     * (the component's own properties change before that, and a session begun in between would not).
     */
    private static void awaitCoreProperties(BundleContext context, Map<String, Object> wanted) throws Exception {
        Poll.until(() -> Optional.ofNullable(context.getServiceReference(SessionRegistry.class))
                .map(core -> wanted.entrySet().stream().allMatch(entry -> entry.getValue().equals(core.getProperty(entry.getKey()))))
                .orElse(false), () -> "the core to take " + wanted);
    }

    private static void awaitCore(ServiceComponentRuntime scr, Predicate<Map<String, Object>> condition, String what)
            throws Exception {
        Poll.until(() -> scr.getComponentDescriptionDTOs().stream()
                .filter(description -> description.name.equals("sockd.core"))
                .flatMap(description -> scr.getComponentConfigurationDTOs(description).stream())
                .anyMatch(configuration -> condition.test(configuration.properties)), () -> "the core to " + what);
    }

    /** Waits for the listener of this configuration, not one an earlier test is still closing. */
    private static InetSocketAddress awaitListener(BundleContext context, String pid) throws Exception {
        return Poll.until(() -> context.getServiceReferences(ListenerInfo.class, pidFilter(pid)).stream()
                .findFirst().map(ref -> context.getService(ref).address()).orElse(null),
                Poll.PATIENCE, () -> "the listener " + pid + " to be bound");
    }

    /**
     * The core keeps its session table across configuration changes, so a session still ending
     * would count against the next test's session cap: wait until the table is empty.
     */
    private void awaitNoSessions() throws Exception {
        Poll.until(() -> sessions().map(registry -> registry.totals().active() == 0).orElse(true),
                () -> "the sessions of the test to end: " + sessions().map(SessionRegistry::sessions).orElse(List.of()));
    }

    Optional<SessionRegistry> sessions() {
        return Optional.ofNullable(context.getServiceReference(SessionRegistry.class)).map(context::getService);
    }

    private static String pidFilter(String pid) {
        return "(" + Constants.SERVICE_PID + "=" + pid + ")";
    }

    /** Deletes the listener and core configurations and waits until the daemon no longer uses them. */
    @Override
    public void close() throws Exception {
        String pid = listener.getPid();
        listener.delete();
        Poll.until(() -> context.getServiceReferences(ListenerInfo.class, pidFilter(pid)).isEmpty(),
                () -> "the listener " + pid + " to close once its configuration was deleted");
        awaitNoSessions();
        if (core != null) {
            core.delete();
            awaitCore(scr, properties -> !"sockd.core".equals(properties.get(Constants.SERVICE_PID)),
                    "return to its defaults");
        }
    }
}
