package org.sockd.launcher.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.common.files.StrictModes;

/**
 * Turns the command line and the configuration directory into Config Admin configurations for the
 * other bundles, and ties the process to the framework: a signal to stop stops the framework
 * gracefully, a failure to start exits, and the pid file lives as long as the daemon. Runs at a
 * lower start level than the bundles it configures, so they start on their configuration.
 */
@Component(immediate = true, service = {})
public class Launcher {

    /** Property of the service by which the bnd launcher hands over the command line. */
    static final String ARGUMENTS = "launcher.arguments";
    static final String HOME = "sockd.home";
    /** System property set to the configuration directory, for {@code ${sockd.config.dir}} in its files. */
    static final String CONFIG_DIR = "sockd.config.dir";
    static final String LISTENER_FACTORY = "sockd.listener";
    /** FileInstall reads a directory of small files in well under a second; one it cannot parse never loads. */
    static final Duration LOAD_WAIT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private final Thread shutdownHook;
    private ServiceRegistration<ConfigurationPlugin> overrides;
    private PidFile pidFile;

    @Activate
    public Launcher(BundleContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference ServiceComponentRuntime scr) throws IOException, InterruptedException, BundleException {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        this.shutdownHook = Thread.ofPlatform().name("sockd-shutdown").unstarted(() -> stopFramework(system));
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        String[] args = arguments(context);
        if (args == null) {
            LOG.info("no command line handed over (not started by the sockd launcher): nothing to configure");
            return;
        }
        Path home = Path.of(context.getProperty(HOME) != null ? context.getProperty(HOME) : ".").toAbsolutePath();
        Options.Parsed parsed = Options.parse(Arrays.asList(args), home.resolve("config"), Path.of(""));
        // every way below may end the process before the files are known good
        AdminHold admin = AdminHold.hold(context);
        switch (parsed) {
            case Options.ShowVersion v -> exit(0, VersionFacts.text(version(context), framework(system)), false);
            case Options.ShowHelp h -> exit(0, Options.USAGE, false);
            case Options.Invalid invalid -> exit(2, invalid.text(), true);
            case Options.Check check -> start(check.options(), true, admin, configAdmin, context, scr);
            case Options.Run run -> start(run.options(), false, admin, configAdmin, context, scr);
        }
    }

    /** Configures the policies now, before their bundles start; the rest waits for their verdicts ({@link Startup}). */
    private void start(Options options, boolean check, AdminHold admin, ConfigurationAdmin configAdmin,
            BundleContext context, ServiceComponentRuntime scr) throws IOException, InterruptedException {
        // a configuration test runs beside the daemon, whose pid file it must leave alone
        if (!check && !claimPidFile(options.pidFile())) {
            return;
        }
        Path configDir = options.configDir().toAbsolutePath();
        if (!Files.isDirectory(configDir)) {
            exit(1, "sockd: no configuration directory " + configDir + "\n", true);
            return;
        }
        if (!watchDeployDir(configAdmin, context)) {
            return;
        }
        FlagOverrides flags = FlagOverrides.of(options);
        Configurations configurations = new Configurations(configAdmin, flags);
        Optional<String> failure = configure(flags, configurations, configDir, configAdmin, context);
        if (failure.isPresent()) {
            exit(1, "sockd: " + failure.get() + "\n", true);
            return;
        }
        boolean fileListeners = options.listen().isEmpty() && !StandardInput.isSocket();
        new Startup(context, scr, configAdmin, configurations, options, check, configurations.policyFiles(), configDir,
                fileListeners, poll(context), admin).start();
    }

    /**
     * The command line's settings first (so that no component ever sees a file's value for a
     * flag), then the directory's files but the listeners', then what neither provides.
     *
     * @return why the daemon cannot run, in the classic wording where there is one
     */
    private Optional<String> configure(FlagOverrides flags, Configurations configurations, Path configDir,
            ConfigurationAdmin configAdmin, BundleContext context) throws IOException, InterruptedException {
        this.overrides = context.registerService(ConfigurationPlugin.class, flags, new Hashtable<>(
                Map.of(ConfigurationPlugin.CM_RANKING, FlagOverrides.CM_RANKING, FlagOverrides.MARK, true)));
        System.setProperty(CONFIG_DIR, configDir.toString());
        List<Path> notLoaded = ConfigFiles.watch(configAdmin, configDir, poll(context), LOAD_WAIT);
        if (!notLoaded.isEmpty()) {
            return Optional.of(notLoaded(notLoaded));
        }
        configurations.fillGaps(configDir);
        return configurations.unreadableFile();
    }

    /** Half a configuration is no configuration: a listener or a policy would silently run on defaults. */
    static String notLoaded(List<Path> files) {
        return "configuration files not loaded within " + LOAD_WAIT.toSeconds() + " s (see the error above): " + files;
    }

    /**
     * Loads the bundles of the hot-deploy directory from now on, unless someone but root and the
     * daemon's user may write there: then the daemon exits 1 before it listens.
     *
     * @return whether the start goes on
     */
    private static boolean watchDeployDir(ConfigurationAdmin configAdmin, BundleContext context) throws IOException {
        String dir = context.getProperty(DeployDir.DIR);
        if (dir == null) {
            LOG.info("no {} set: no directory to hot-deploy bundles from", DeployDir.DIR);
            return true;
        }
        Path deploy = DeployDir.path(dir, context::getProperty);
        DeployDir.create(deploy);
        boolean strictModes;
        try {
            strictModes = StrictModes.on(context.getProperty(StrictModes.PROPERTY));
        } catch (IllegalArgumentException e) {
            exit(1, "sockd: not started: " + e.getMessage() + "\n", true);
            return false;
        }
        Optional<String> refusal = DeployDir.refusal(deploy, strictModes, System.getProperty("user.name"));
        if (refusal.isPresent()) {
            exit(1, "sockd: not started: " + refusal.get() + "\n", true);
            return false;
        }
        if (!strictModes) {
            LOG.warn("{}=false: bundles are loaded from {} whoever may write there", StrictModes.PROPERTY, deploy);
        }
        DeployDir.watch(configAdmin, deploy, poll(context));
        return true;
    }

    private boolean claimPidFile(Path path) {
        if (path == null) {
            return true;
        }
        try {
            switch (PidFile.claim(path)) {
                case PidFile.Claimed claimed -> this.pidFile = claimed.file();
                case PidFile.HeldBy held -> {
                    exit(1, "sockd: pid file " + path + " is held by running process " + held.pid()
                            + ": is sockd running already?\n", true);
                    return false;
                }
            }
        } catch (IOException e) {
            exit(1, "sockd: cannot write pid file " + path + ": " + e + "\n", true);
            return false;
        }
        return true;
    }

    private static long poll(BundleContext context) {
        String poll = context.getProperty("felix.fileinstall.poll");
        return poll == null ? 2000 : Long.parseLong(poll.strip());
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
    static void exit(int status, String message, boolean toStderr) {
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
        if (overrides != null) {
            overrides.unregister();
        }
        if (pidFile != null) {
            try {
                pidFile.release();
            } catch (IOException e) {
                LOG.warn("cannot remove pid file {}: {}", pidFile.path(), e.getMessage());
            }
        }
    }
}
