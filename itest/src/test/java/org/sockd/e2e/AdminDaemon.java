package org.sockd.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The built daemon with a home directory of its own (so its admin socket, {@code run/sockd.sock}
 * there, is the test's alone), optionally run as another local user. The home holds the rules
 * file and a configuration directory with nothing but the logging set-up.
 */
final class AdminDaemon {

    private AdminDaemon() {
    }

    /** Writes the core's settings (config/sockd.core.cfg, Config Admin's format) under the daemon's home. */
    static void coreSettings(Path home, String... lines) throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/sockd.core.cfg"), String.join("\n", lines) + "\n");
    }

    /** Starts the daemon as the user running the tests and waits until clients and the admin channel are served. */
    static Daemon start(Path home, String rules, String... extraArgs) throws IOException, InterruptedException {
        return start(launch(home), prepare(home, rules, null), true, extraArgs);
    }

    /**
     * As {@link #start}, the daemon's JVM started by a command that ends by executing it, such as
     * {@code prlimit --nofile=256:256}.
     */
    static Daemon startThrough(List<String> wrapper, Path home, String rules, String... extraArgs)
            throws IOException, InterruptedException {
        return start(launch(home).withWrapper(wrapper), prepare(home, rules, null), true, extraArgs);
    }

    /** As {@link #start}, with these options for the daemon's JVM, such as a heap size. */
    static Daemon startWithJvmOptions(List<String> options, Path home, String rules, String... extraArgs)
            throws IOException, InterruptedException {
        return start(launch(home).withJvmOptions(options.toArray(String[]::new)), prepare(home, rules, null), true,
                extraArgs);
    }

    /**
     * Starts the daemon as another local user, who is given the home directory (the caller must be
     * root, and the home's parent directories must let that user through).
     */
    static Daemon startAs(String user, Path home, String rules, String... extraArgs)
            throws IOException, InterruptedException {
        return start(launch(home).withWrapper(AdminTools.asUser(user)), prepare(home, rules, user), true, extraArgs);
    }

    /**
     * Starts the daemon and waits only until it serves clients: for a daemon whose admin channel
     * is expected not to start.
     */
    static Daemon startServingClients(Path home, String rules) throws IOException, InterruptedException {
        return start(launch(home), prepare(home, rules, null), false);
    }

    private static Daemon.Launch launch(Path home) {
        // no hsperfdata files in /tmp under every user
        return Daemon.Launch.DEFAULT.withHome(home).withJvmOptions("-XX:-UsePerfData");
    }

    private static Daemon start(Daemon.Launch launch, Path rulesFile, boolean awaitChannel, String... extraArgs)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--config-dir", launch.home().resolve("config").toString()));
        args.addAll(List.of(extraArgs));
        Daemon daemon = Daemon.start(launch, rulesFile, args.toArray(String[]::new));
        if (awaitChannel) {
            daemon.awaitLine(line -> line.contains("admin channel listening on " + daemon.adminSocket()), 30);
        }
        return daemon;
    }

    /**
     * Writes the rules file and the configuration directory into the home.
     *
     * @param owner the user to give the directory to, or {@code null} to leave it
     * @return the rules file
     */
    private static Path prepare(Path home, String rules, String owner) throws IOException, InterruptedException {
        Files.createDirectories(home.resolve("config"));
        Files.copy(ConfigDir.SHIPPED.resolve("log4j2.xml"), home.resolve("config/log4j2.xml"),
                StandardCopyOption.REPLACE_EXISTING);
        Path rulesFile = home.resolve("sockd.conf");
        Files.writeString(rulesFile, rules);
        if (owner != null) {
            ProgramResult chown = AdminTools.run(List.of(), List.of("chown", "-R", owner, home.toString()));
            if (chown.exitCode() != 0) {
                throw new AssertionError("chown " + owner + " " + home + ": " + chown);
            }
        }
        return rulesFile;
    }
}
