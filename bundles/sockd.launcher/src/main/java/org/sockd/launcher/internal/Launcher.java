package org.sockd.launcher.internal;

import org.sockd.common.files.FrozenName;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the command line into configuration for the other bundles, and ties the process to the
 * framework: a signal to stop stops the framework gracefully, and a failure to start exits.
 */
@Component(immediate = true, service = {})
public class Launcher {

    /** Property of the service by which the bnd launcher hands over the command line. */
    static final String ARGUMENTS = "launcher.arguments";
    static final String HOME = "sockd.home";
    static final String ACCESS_PID = "sockd.access.sockdconf";
    static final String ROUTE_PID = "sockd.route.file";
    static final String AUTH_PID = "sockd.auth.passwd";
    static final String LISTENER_FACTORY = "sockd.listener";
    static final String CLI_LISTENER = "cli";

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private final Thread shutdownHook;

    @Activate
    public Launcher(BundleContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference ServiceComponentRuntime scr) throws IOException {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        this.shutdownHook = Thread.ofPlatform().name("sockd-shutdown").unstarted(() -> stopFramework(system));
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        String[] args = arguments(context);
        if (args == null) {
            LOG.info("no command line handed over (not started by the sockd launcher): nothing to configure");
            return;
        }
        Path home = Path.of(context.getProperty(HOME) != null ? context.getProperty(HOME) : ".");
        Options.Parsed parsed = Options.parse(Arrays.asList(args), home.resolve("config/sockd.conf"), Path.of(""));
        switch (parsed) {
            case Options.ShowVersion v -> exit(0, VersionFacts.text(version(context), framework(system)), false);
            case Options.ShowHelp h -> exit(0, Options.USAGE, false);
            case Options.Invalid invalid -> exit(2, "sockd: " + invalid.message() + "\n" + Options.USAGE, true);
            case Options.Run run -> start(run.options(), configAdmin, context, scr);
        }
    }

    private static void start(Options options, ConfigurationAdmin configAdmin, BundleContext context, ServiceComponentRuntime scr)
            throws IOException {
        if (!Files.isReadable(options.rulesFile()) && !Files.isReadable(FrozenName.of(options.rulesFile()))) {
            exit(1, "sockd: Unable to open config file (" + options.rulesFile() + ")\n", true);
            return;
        }
        if (options.routeFile() != null && !Files.isReadable(options.routeFile())
                && !Files.isReadable(FrozenName.ofRoute(options.routeFile()))) {
            exit(1, "sockd: Unable to open routing file (" + options.routeFile() + ")\n", true);
            return;
        }
        if (options.passwordFile() != null && !Files.isReadable(options.passwordFile())) {
            exit(1, "sockd: Unable to open password file (" + options.passwordFile() + ")\n", true);
            return;
        }
        configure(options, configAdmin);
        ListenerWait.watch(context, scr, options.listen(), code -> exit(code, "", true));
    }

    private static void configure(Options options, ConfigurationAdmin configAdmin) throws IOException {
        Dictionary<String, Object> access = new Hashtable<>();
        access.put("file", options.rulesFile().toAbsolutePath().toString());
        access.put("ident.mode", options.identMode().name());
        configAdmin.getConfiguration(ACCESS_PID, "?").update(access);
        configureFile(configAdmin, ROUTE_PID, options.routeFile());
        configureFile(configAdmin, AUTH_PID, options.passwordFile());
        removeStaleListeners(configAdmin, options.listen().size());
        List<InetSocketAddress> listen = options.listen();
        for (int i = 0; i < listen.size(); i++) {
            Dictionary<String, Object> listener = new Hashtable<>();
            listener.put("address", listen.get(i).getAddress().getHostAddress());
            listener.put("port", listen.get(i).getPort());
            configAdmin.getFactoryConfiguration(LISTENER_FACTORY, CLI_LISTENER + i, "?").update(listener);
        }
    }

    /** A file-backed policy runs only while its file is named; without the flag its configuration goes. */
    private static void configureFile(ConfigurationAdmin configAdmin, String pid, Path file) throws IOException {
        Configuration configuration = configAdmin.getConfiguration(pid, "?");
        if (file == null) {
            configuration.delete();
            return;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("file", file.toAbsolutePath().toString());
        configuration.update(properties);
    }

    /** Listeners this launcher made on an earlier run, beyond the ones asked for now. */
    private static void removeStaleListeners(ConfigurationAdmin configAdmin, int keep) throws IOException {
        Configuration[] existing;
        try {
            existing = configAdmin.listConfigurations("(service.factoryPid=" + LISTENER_FACTORY + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (Configuration configuration : existing == null ? new Configuration[0] : existing) {
            String name = configuration.getPid().substring(configuration.getPid().indexOf('~') + 1);
            if (name.startsWith(CLI_LISTENER) && name.substring(CLI_LISTENER.length()).matches("\\d+")
                    && Integer.parseInt(name.substring(CLI_LISTENER.length())) >= keep) {
                configuration.delete();
            }
        }
    }

    private static String[] arguments(BundleContext context) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(" + ARGUMENTS + "=*)");
            return refs == null ? null : (String[]) refs[0].getProperty(ARGUMENTS);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String version(BundleContext context) {
        return context.getBundle().getVersion().toString();
    }

    private static String framework(Bundle system) {
        return system.getSymbolicName() + " " + system.getVersion();
    }

    /** Exits from another thread: the framework must not be stopped from inside its own activation. */
    private static void exit(int status, String message, boolean toStderr) {
        (toStderr ? System.err : System.out).print(message);
        (toStderr ? System.err : System.out).flush();
        Thread.ofPlatform().name("sockd-exit").start(() -> System.exit(status));
    }

    private static void stopFramework(Bundle system) {
        try {
            system.stop();
            if (system instanceof Framework framework) {
                framework.waitForStop(30_000);
            }
        } catch (Exception e) {
            System.err.println("sockd: error while stopping: " + e);
        }
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down, through this very hook
        }
    }
}
