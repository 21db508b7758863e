package org.sockd.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The built daemon ({@code bndrun/target/sockd.jar}) run as a separate process, as a user runs it. */
final class Daemon extends ChildProcess {

    /** The launcher's reason for stopping when a listener's port is taken. */
    private static final String PORT_TAKEN = "Address already in use";

    private final int port;
    private final Path rulesFile;
    private final Path home;

    /**
     * How the daemon's JVM is started, where a test needs more than {@link #DEFAULT}.
     *
     * @param wrapper a command that ends by executing its arguments (the java command line), so that
     *        the process started is still the daemon: to run it as another user, or with a socket on
     *        standard input; or empty
     * @param jvmOptions options for the daemon's JVM, such as system properties
     * @param home the daemon's {@code sockd.home}, where its admin socket is; a home other than the
     *        repository is also its working directory
     */
    record Launch(List<String> wrapper, List<String> jvmOptions, Path home) {

        /** No wrapper and no extra JVM options; the repository as the home, and the tests' working directory. */
        static final Launch DEFAULT = new Launch(List.of(), List.of(), Build.ROOT);

        Launch {
            wrapper = List.copyOf(wrapper);
            jvmOptions = List.copyOf(jvmOptions);
        }

        Launch withWrapper(List<String> command) {
            return new Launch(command, jvmOptions, home);
        }

        Launch withJvmOptions(String... options) {
            List<String> all = new ArrayList<>(jvmOptions);
            all.addAll(List.of(options));
            return new Launch(wrapper, all, home);
        }

        Launch withHome(Path directory) {
            return new Launch(wrapper, jvmOptions, directory);
        }
    }

    private Daemon(Process process, int port, Path rulesFile, Path home) {
        super(process);
        this.port = port;
        this.rulesFile = rulesFile;
        this.home = home;
    }

    /** Starts the daemon on a free loopback port with the given rules and waits until it is ready. */
    static Daemon start(String rules, String... extraArgs) throws IOException, InterruptedException {
        Path conf = Files.createTempFile("sockd", ".conf");
        Files.writeString(conf, rules);
        return start(conf, extraArgs);
    }

    /** Starts the daemon on a free loopback port with the given rules file and waits until it is ready. */
    static Daemon start(Path conf, String... extraArgs) throws IOException, InterruptedException {
        return start(Launch.DEFAULT, conf, extraArgs);
    }

    /**
     * As {@link #start(Path, String...)}, with the daemon's JVM started as the launch says. A port
     * some program of the machine took meanwhile is no failure of the daemon: it starts again on another.
     */
    static Daemon start(Launch launch, Path conf, String... extraArgs) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            int port = Ports.tcp();
            List<String> args = new ArrayList<>(List.of("-f", conf.toString(), "-l", "127.0.0.1:" + port));
            args.addAll(List.of(extraArgs));
            Daemon daemon = new Daemon(launch(launch, args), port, conf, launch.home());
            String line = daemon.awaitLine(text -> text.contains("sockd ready") || text.contains(PORT_TAKEN), 30);
            if (!line.contains(PORT_TAKEN)) {
                return daemon;
            }
            daemon.close();
            if (attempt == 3) {
                throw new AssertionError("three ports in a row were taken before the daemon could bind: " + line);
            }
        }
    }

    /** Starts the daemon with exactly these arguments and does not wait for anything. */
    static Daemon run(String... args) throws IOException {
        return run(Launch.DEFAULT, args);
    }

    /** As {@link #run(String...)}, with the daemon's JVM started as the launch says. */
    static Daemon run(Launch launch, String... args) throws IOException {
        return new Daemon(launch(launch, List.of(args)), -1, null, launch.home());
    }

    private static Process launch(Launch launch, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(launch.wrapper());
        // a wrapper runs the daemon as another user, who may not read a checkout made owner-only
        boolean otherUser = !launch.wrapper().isEmpty();
        Path hosts = Path.of(System.getProperty("jdk.net.hosts.file"));
        command.addAll(List.of(Build.JAVA.toString(), "-Dgosh.args=--nointeractive", "-Dsockd.home=" + launch.home(),
                "-Djdk.net.hosts.file=" + (otherUser ? Build.readableByAnyUser(hosts) : hosts)));
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-jar", (otherUser ? Build.readableByAnyUser(Build.SOCKD_JAR) : Build.SOCKD_JAR).toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!launch.home().equals(Build.ROOT)) {
            builder.directory(launch.home().toFile()); // a user the home is given to may not enter the build directory
        }
        return builder.start();
    }

    /** @return the JVM option that keeps the daemon's name lookups on this machine, as for the tests themselves */
    static String hostsFileOption() {
        return "-Djdk.net.hosts.file=" + System.getProperty("jdk.net.hosts.file");
    }

    /** @return the rules file the daemon was started with, or {@code null} */
    Path rulesFile() {
        return rulesFile;
    }

    /** The default admin socket of the daemon's home. */
    Path adminSocket() {
        return home.resolve("run/sockd.sock");
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    int port() {
        return port;
    }
}
