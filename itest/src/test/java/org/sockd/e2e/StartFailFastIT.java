package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A daemon whose rules, route or password file cannot be loaded whole exits 1 with every error
 * before any port or its admin channel opens; a usage error exits 2 before a framework starts.
 */
class StartFailFastIT {

    private static final String GOOD_RULES = "permit 127.0.0.0 255.0.0.0\n";

    @TempDir
    Path home;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "-f | sockd.conf   | permit 127.0.0.0 255.0.0.0\\npermt 10.0.0.0 255.0.0.0\\nfoo\\n | 2: Invalid permit/deny field;3: Invalid entry",
        "-r | sockd.route  | 127.0.0.1 0.0.0.0 0.0.0.0\\nnot a route\\n                   | 2: Invalid interface address",
        "-U | sockd.passwd | alice\\n                                                   | 1: user alice: expected",
    })
    void aFileWithErrorsEndsTheStartBeforeThePortOpensWithEveryError(String flag, String name, String text, String errors)
            throws Exception {
        Path file = Files.writeString(home.resolve(name), text.replace("\\n", "\n"));
        // private, as a password file must be to be read at all
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Path rules = Files.writeString(home.resolve("good.conf"), GOOD_RULES);
        ConfigDir config = ConfigDir.copyOfShipped(Files.createDirectories(home.resolve("config")), Ports.tcp());
        int port = Ports.tcp();
        List<String> args = new ArrayList<>(flag.equals("-f") ? List.of() : List.of("-f", rules.toString()));
        args.addAll(List.of(flag, file.toString(), "--config-dir", config.path().toString(), "-l", "127.0.0.1:" + port));

        try (Daemon daemon = Daemon.run(Daemon.Launch.DEFAULT.withHome(home), args.toArray(String[]::new))) {
            int knocks = knockUntilExit(port, daemon.process());

            assertThat(daemon.awaitExit(30)).as(String.join("\n", daemon.output())).isEqualTo(1);
            assertThat(knocks).as("knocks on the port, each refused").isPositive();
            List<String> expected = List.of(errors.split(";"));
            assertThat(daemon.output()).contains(file + ": NOT loaded (" + (expected.size() == 1 ? "1 error"
                    : expected.size() + " errors") + "):");
            for (String error : expected) {
                assertThat(daemon.output()).anyMatch(line -> line.startsWith("  " + file + ":" + error));
            }
            assertThat(daemon.output()).anyMatch(line -> line.startsWith("sockd: not started: a file above could not be loaded"));
            assertThat(daemon.output()).noneMatch(line -> line.contains("admin channel listening") || line.contains("listening on"));
        }
        assertThat(home.resolve("run/sockd.sock")).doesNotExist();
    }

    @Test
    void theListenerFilesOfTheConfigurationDirectoryWaitForTheFilesToo() throws Exception {
        Path bad = Files.writeString(home.resolve("sockd.conf"), "permit 127.0.0.0\n");
        int port = Ports.tcp();
        ConfigDir config = ConfigDir.copyOfShipped(Files.createDirectories(home.resolve("config")), port);

        try (Daemon daemon = Daemon.run(Daemon.Launch.DEFAULT.withHome(home), "-f", bad.toString(), "--config-dir",
                config.path().toString())) {
            int knocks = knockUntilExit(port, daemon.process());

            assertThat(daemon.awaitExit(30)).isEqualTo(1);
            assertThat(knocks).isPositive();
            assertThat(daemon.output()).anyMatch(line -> line.startsWith("  " + bad + ":1: "));
        }
        assertThat(home.resolve("run/sockd.sock")).doesNotExist();
    }

    @Test
    void aUsageErrorExitsTwoBeforeTheDaemonsJvmStarts() throws Exception {
        Path javaHome = recordingJavaHome();

        ProcessBuilder sockd = ScriptProcess.builder(List.of(ScriptProcess.script("sockd"), "-x"), Map.of());
        sockd.environment().put("JAVA_HOME", javaHome.toString());
        ProgramResult result = ProgramResult.run(sockd, null, 60);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("sockd: unknown option -x\nusage: sockd");
        List<String> javaRuns = Files.readAllLines(javaHome.resolve("runs"));
        assertThat(javaRuns).as("the java commands run").anyMatch(line -> line.contains("UsageCheck -x"));
        assertThat(javaRuns).as("the java commands run").noneMatch(line -> line.contains("-jar"));
    }

    @Test
    void aUsageErrorGivenToTheJarItselfOpensNoAdminChannel() throws Exception {
        try (Daemon daemon = Daemon.run(Daemon.Launch.DEFAULT.withHome(home), "-x")) {
            assertThat(daemon.awaitExit(30)).isEqualTo(2);
            assertThat(daemon.output()).contains("sockd: unknown option -x");
        }
        assertThat(home.resolve("run/sockd.sock")).doesNotExist();
    }

    /**
     * Connects to the port again and again until the process ends, bounded; fails the moment one
     * connection is accepted.
     *
     * @return how many connections were refused
     */
    static int knockUntilExit(int port, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int knocks = 0;
        while (process.isAlive() && System.nanoTime() - deadline < 0) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                throw new AssertionError("port " + port + " accepted a connection before the daemon exited");
            } catch (ConnectException refused) {
                knocks++;
            }
            process.waitFor(20, TimeUnit.MILLISECONDS);
        }
        return knocks;
    }

    /** A JAVA_HOME whose java writes each command line to the file {@code runs} beside it, then runs the real one. */
    private Path recordingJavaHome() throws IOException {
        Path javaHome = Files.createDirectories(home.resolve("jdk/bin")).getParent();
        Path real = Path.of(System.getProperty("java.home"), "bin");
        for (String tool : List.of("javac", "jar")) {
            Files.createSymbolicLink(javaHome.resolve("bin/" + tool), real.resolve(tool));
        }
        Path java = javaHome.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\" >> '" + javaHome.resolve("runs") + "'\nexec '" + real.resolve("java")
                + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createFile(javaHome.resolve("runs"));
        return javaHome;
    }
}
