package org.sockd.itest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.sockd.api.admin.ListenerInfo;

/** Configures the daemon's core and a loopback listener through Config Admin, as an operator would. */
final class Daemon implements AutoCloseable {

    private final BundleContext context;
    private final Configuration listener;
    private final Configuration core;
    private final InetSocketAddress address;

    private Daemon(BundleContext context, Configuration listener, Configuration core, InetSocketAddress address) {
        this.context = context;
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
            awaitCoreProperties(scr, coreProperties);
        }
        Configuration listener = configAdmin.getFactoryConfiguration("sockd.listener", name, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("address", "127.0.0.1");
        properties.put("port", 0);
        listener.update(properties);
        return new Daemon(context, listener, core, awaitListener(context));
    }

    InetSocketAddress address() {
        return address;
    }

    private static void awaitCoreProperties(ServiceComponentRuntime scr, Map<String, Object> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() - deadline < 0) {
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
                if (description.name.equals("sockd.core")) {
                    for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                        if (configuration.properties.entrySet().containsAll(wanted.entrySet())) {
                            return;
                        }
                    }
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the core did not take " + wanted + " within 5 s");
    }

    private static InetSocketAddress awaitListener(BundleContext context) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() - deadline < 0) {
            var refs = context.getServiceReferences(ListenerInfo.class, null);
            if (!refs.isEmpty()) {
                return context.getService(refs.iterator().next()).address();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the listener was not bound within 5 s");
    }

    @Override
    public void close() throws IOException {
        listener.delete();
        if (core != null) {
            core.delete();
        }
    }
}
