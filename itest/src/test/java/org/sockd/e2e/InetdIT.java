package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockd.common.testing.Await;

/**
 * sockd started with a socket as standard input, as inetd and systemd start it: one client's
 * connection (inetd {@code nowait}: serve it, exit 0), or a listening socket (inetd {@code wait},
 * systemd {@code StandardInput=socket}: serve every client). socat and systemd-socket-activate play
 * inetd and systemd; curl is the client.
 */
class InetdIT {

    @AutoClose
    private final WebServer web;

    @TempDir
    Path dir;

    InetdIT() throws IOException {
        web = new WebServer();
    }

    @ParameterizedTest(name = "curl {0}")
    @ValueSource(strings = {"--socks5", "--socks4"})
    void nowaitServesTheOneClientOnStandardInputAndExitsZero(String flag) throws Exception {
        Path log = dir.resolve("sockd.log");
        int port = Ports.tcp();
        // nofork: socat execs the script with the accepted connection as stdin and stdout, as inetd does
        try (ChildProcess inetd = ScriptProcess.start(List.of("socat", "-d", "-d",
                "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr",
                "EXEC:" + ScriptProcess.script("sockd-inetd") + " -f " + rules() + ",nofork"), environment(log))) {
            inetd.awaitLine(line -> line.contains("listening on"), 10);

            assertThat(curl(flag, port)).isEqualTo(web.body());

            assertThat(inetd.awaitExit(60)).as("exit status once the client is served").isZero();
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).anyMatch(line -> line.contains("connected -- Connect from"));
        assertThat(lines).anyMatch(line -> line.contains("terminated -- Connect from"));
    }

    /**
     * With JDK 25 the first one-client process writes the ahead-of-time cache as it exits, and the
     * next ones start from it: with {@code -XX:AOTMode=on} a JVM that could not use the cache would
     * not start at all, and the client would not be served.
     */
    @Test
    void theFirstClientsProcessMakesTheAheadOfTimeCacheTheNextOnesStartFrom() throws Exception {
        assertThat(Runtime.version().feature()).as("the JDK of the tests, which the scripts use").isGreaterThanOrEqualTo(25);
        Path log = dir.resolve("sockd.log");
        Path cache = Files.createDirectories(dir.resolve("cache")).resolve("sockd-inetd.aot");

        assertThat(serveOneClient(log, Map.of("SOCKD_AOT_CACHE", cache.toString()))).as("exit status").isZero();
        Await.until(() -> Files.exists(cache), Duration.ofSeconds(60), "the cache " + cache);
        assertThat(serveOneClient(log, Map.of("SOCKD_AOT_CACHE", cache.toString(),
                "SOCKD_JVM_OPTS", Daemon.hostsFileOption() + " -XX:AOTMode=on"))).as("exit status").isZero();

        try (var names = Files.list(cache.getParent())) {
            assertThat(names.map(name -> name.getFileName().toString()))
                    .as("the cache, moved into place whole, and the lock of whoever makes it")
                    .containsExactlyInAnyOrder("sockd-inetd.aot", "sockd-inetd.aot.lock");
        }
        assertThat(lines(log)).filteredOn(line -> line.contains("terminated -- Connect from")).hasSize(2);
    }

    /** The cache is code the JVM runs: in a directory others may write, it is neither made nor used. */
    @Test
    void aCacheOthersCouldHaveWrittenIsNotUsed() throws Exception {
        Path log = dir.resolve("sockd.log");
        Path open = Files.createDirectories(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path cache = Files.writeString(open.resolve("sockd-inetd.aot"), "not a cache\n");

        assertThat(serveOneClient(log, Map.of("SOCKD_AOT_CACHE", cache.toString()))).as("exit status").isZero();

        assertThat(lines(log)).contains("sockd-inetd: ahead-of-time cache " + cache + " not used: it or its directory"
                + " may be written by others than " + System.getProperty("user.name") + " and root")
                .noneMatch(line -> line.contains("AOT") || line.contains("aot]"));
        assertThat(Files.readString(cache)).isEqualTo("not a cache\n");
    }

    @Test
    void aListeningSocketOnStandardInputServesClientAfterClientAndAcrossAChangedCoreConfiguration() throws Exception {
        Path log = dir.resolve("sockd.log");
        Path config = Files.createDirectories(dir.resolve("config"));
        int port = Ports.tcp();
        // Without --accept, the listening socket itself becomes stdin when the first client knocks.
        // The program gets only the environment variables named with -E.
        try (ChildProcess systemd = ScriptProcess.start(List.of("systemd-socket-activate", "--inetd",
                "-E", "SOCKD_LOG", "-E", "SOCKD_JVM_OPTS", "-E", "JAVA_HOME", "-E", "PATH",
                "-l", "127.0.0.1:" + port, ScriptProcess.script("sockd-inetd"), "-f", rules().toString(),
                "--config-dir", config.toString()), environment(log))) {
            systemd.awaitLine(line -> line.contains("Listening on 127.0.0.1:" + port), 10);

            assertThat(curl("--socks5", port)).isEqualTo(web.body());
            assertThat(curl("--socks5", port)).isEqualTo(web.body());
            List<String> lines = awaitLines(log, line -> line.contains("terminated -- Connect from"), 2);
            assertThat(lines).anyMatch(line -> line.contains("listening on 127.0.0.1:" + port));

            // a new core configuration applies in place; the inherited socket, which cannot be opened
            // again, keeps serving (InheritedCoreTest covers a core that does restart)
            Files.writeString(config.resolve("sockd.core.cfg"), "handshake.timeout.ms = I\"20000\"\n");
            awaitLines(log, line -> line.contains("core configuration changed"), 1);
            assertThat(curl("--socks5", port)).isEqualTo(web.body());

            assertThat(systemd.process().isAlive()).as("still serving after three clients").isTrue();
        }
    }

    /**
     * Under inetd no one would see a build or its errors, and the client would wait through it: a
     * sockd.jar older than the sources stops the script at once, with the reason in the log. A copy
     * of the scripts in a checkout of their own, with a stale jar, keeps this cheap.
     */
    @Test
    void aJarOlderThanTheSourcesIsAnErrorRatherThanABuild() throws Exception {
        Path checkout = Files.createDirectories(dir.resolve("checkout")).toRealPath();
        Path bin = Files.createDirectories(checkout.resolve("bin"));
        for (String script : List.of("sockd", "sockd-inetd", "find-java")) {
            Files.copy(Path.of(ScriptProcess.script(script)), bin.resolve(script), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path jar = Files.writeString(Files.createDirectories(checkout.resolve("bndrun/target")).resolve("sockd.jar"), "");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Files.writeString(Files.createDirectories(checkout.resolve("bundles/sockd.core/src/main/java")).resolve("Changed.java"),
                "class Changed {}\n");
        Path log = dir.resolve("sockd.log");
        try (ChildProcess inetd = ScriptProcess.start(List.of(bin.resolve("sockd-inetd").toString(), "-f", rules().toString()),
                environment(log))) {
            assertThat(inetd.awaitExit(30)).as("exit status").isEqualTo(1);
        }
        assertThat(lines(log)).contains("sockd: not started: " + jar + " is missing or older than the sources;"
                + " build it first by running " + bin.resolve("sockd") + " -ver")
                .noneMatch(line -> line.contains("building"));
    }

    /** Log lines are written a moment after what they tell: waits for them, then checks there are exactly so many. */
    private static List<String> awaitLines(Path log, Predicate<String> test, int count) throws Exception {
        Await.until(() -> lines(log).stream().filter(test).count() >= count, Duration.ofSeconds(30),
                count + " such lines in " + log);
        List<String> lines = lines(log);
        assertThat(lines).filteredOn(test).hasSize(count);
        return lines;
    }

    private static List<String> lines(Path log) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path rules() throws Exception {
        Path rules = dir.resolve("sockd.conf");
        if (!Files.exists(rules)) {
            Files.writeString(rules, "permit 127.0.0.0 255.0.0.0\n");
        }
        return rules;
    }

    /** Without an ahead-of-time cache, which only the tests of it make and use. */
    private static Map<String, String> environment(Path log) {
        return Map.of("SOCKD_LOG", log.toString(), "SOCKD_JVM_OPTS", Daemon.hostsFileOption(), "SOCKD_AOT_CACHE", "none");
    }

    /** inetd nowait (socat) hands one curl client to bin/sockd-inetd; returns the script's exit status. */
    private int serveOneClient(Path log, Map<String, String> settings) throws Exception {
        Map<String, String> environment = new HashMap<>(environment(log));
        environment.putAll(settings);
        int port = Ports.tcp();
        try (ChildProcess inetd = ScriptProcess.start(List.of("socat", "-d", "-d",
                "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr",
                "EXEC:" + ScriptProcess.script("sockd-inetd") + " -f " + rules() + ",nofork"), environment)) {
            inetd.awaitLine(line -> line.contains("listening on"), 10);
            assertThat(curl("--socks5", port)).isEqualTo(web.body());
            return inetd.awaitExit(60);
        }
    }

    /** Fetches the web server's page through the proxy on the port; returns the page, or curl's error. */
    private String curl(String flag, int port) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "60", flag,
                "127.0.0.1:" + port, "http://127.0.0.1:" + web.port() + "/"));
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(70, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
