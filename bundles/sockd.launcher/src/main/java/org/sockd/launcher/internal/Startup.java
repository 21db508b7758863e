package org.sockd.launcher.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.common.admin.ReloadReport;

/**
 * What follows the launcher's activation, on a thread of its own while the bundles start: once
 * every file the policies read has its verdict, a configuration test ({@code -V}) prints them and
 * exits; a daemon with a file that could not be loaded whole prints every error and exits 1 before
 * it listens or opens its admin channel (Dante and the classic sockd refuse to start too, and a
 * service manager then shows the failure); otherwise the listeners and the admin channel open.
 *
 * @param check whether this is a configuration test
 * @param files the file each configured policy was given, by PID
 * @param fileListeners whether the configuration directory's listener files decide the listeners
 * @param poll how often FileInstall looks at the directory, in milliseconds
 */
record Startup(BundleContext context, ServiceComponentRuntime scr, ConfigurationAdmin configAdmin,
        Configurations configurations, Options options, boolean check, Map<String, String> files, Path configDir,
        boolean fileListeners, long poll, AdminHold admin) {

    private static final Logger LOG = LoggerFactory.getLogger(Startup.class);

    Startup {
        files = Map.copyOf(files);
    }

    void start() {
        Thread.ofPlatform().daemon().name("sockd-startup").start(() -> {
            try {
                run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | BundleException | RuntimeException e) {
                LOG.error("cannot start", e);
                Launcher.exit(1, "sockd: not started: " + e + "\n", true);
            }
        });
    }

    private void run() throws InterruptedException, IOException, BundleException {
        ReloadReport report = Verdicts.await(context, files);
        if (check) {
            Launcher.exit(report.anyFailed() ? 1 : 0, report + "\n", report.anyFailed());
            return;
        }
        if (report.anyFailed()) {
            Launcher.exit(1, report + "\nsockd: not started: a file above could not be loaded whole"
                    + " (bin/sockd -V tests the files without starting)\n", true);
            return;
        }
        configurations.listeners(options.listen());
        if (fileListeners) {
            List<Path> notLoaded = ConfigFiles.watchListeners(configAdmin, configDir, poll, Launcher.LOAD_WAIT);
            if (!notLoaded.isEmpty()) {
                Launcher.exit(1, "sockd: " + Launcher.notLoaded(notLoaded) + "\n", true);
                return;
            }
        }
        admin.release();
        int wanted = fileListeners ? (int) ConfigFiles.listenerFiles(configDir) : options.listen().size();
        if (!fileListeners && options.listen().isEmpty()) {
            LOG.info("standard input is a socket and no -l was given: no listener from the command line or {}", configDir);
        } else if (wanted == 0) {
            LOG.warn("no listener configured: no -l, and no {}-NAME.cfg in {}", Launcher.LISTENER_FACTORY, configDir);
        }
        String what = fileListeners ? "the listener files in " + configDir : options.listen().toString();
        ListenerWait.watch(context, scr, wanted, what, code -> Launcher.exit(code, "", true));
    }
}
