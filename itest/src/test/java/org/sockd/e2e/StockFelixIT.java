package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Await;

/**
 * sockd as an administrator of a stock Apache Felix installs it: the folder the build makes
 * ({@code bndrun/target/sockd-felix}) unpacked into the Felix distribution, its lines appended to
 * {@code conf/config.properties}, and {@code java -jar bin/felix.jar} run from there, administered
 * in the Felix console. No sockd launcher: FileInstall alone loads the configuration.
 */
class StockFelixIT {

    private static final Path STOCK_FELIX = Path.of(System.getProperty("stock.felix", "target/stock-felix"));
    private static final Path SOCKD_FELIX = Path.of(System.getProperty("sockd.felix", "../bndrun/target/sockd-felix"));
    private static final Path EXAMPLE_POLICY = Path.of(System.getProperty("sockd.example.policy.jar", "missing"));
    private static final int SECONDS = 30;

    @TempDir
    Path felix;

    @Test
    void relaysIsAdministeredInTheConsoleTakesAPolicyBundleAndStops() throws Exception {
        requireParts();
        AuthClients.requireCurl();
        copyTree(STOCK_FELIX, felix);
        copyTree(SOCKD_FELIX, felix);
        Files.writeString(felix.resolve("conf/config.properties"), Files.readString(felix.resolve("sockd/config.properties")),
                StandardOpenOption.APPEND);
        int port = Ports.tcp();
        Files.writeString(felix.resolve("sockd/config/sockd.listener-default.cfg"),
                "address = \"127.0.0.1\"\nport = I\"" + port + "\"\n");

        ProcessBuilder java = new ProcessBuilder(Build.JAVA.toString(), Daemon.hostsFileOption(), "-jar", "bin/felix.jar")
                .directory(felix.toFile());
        try (WebServer web = new WebServer(); ChildProcess framework = ChildProcess.start(java)) {
            OutputStream console = framework.process().getOutputStream();
            String url = "http://127.0.0.1:" + web.port() + "/";
            Await.until(() -> web.body().equals(curl(port, url)), Duration.ofSeconds(SECONDS),
                    "a page through sockd in Felix; it said:\n" + String.join("\n", framework.output()));
            framework.awaitLine(line -> line.contains("connected -- Connect from ") && line.endsWith("(" + web.port() + ")"), SECONDS);

            // FileInstall starts the bundles in no set order: the proxy may relay before the shell
            // bundle has registered its commands, so retype until Gogo knows sockd:status
            typeUntil(console, "sockd:status", () -> framework.output().stream()
                    .anyMatch(line -> line.endsWith("listeners: 127.0.0.1:" + port)), framework);

            // the example policy refuses what its deny list names: here the web server's address
            Path denyList = Files.writeString(felix.resolve("denylist.txt"), "127.0.0.1\n");
            Path deploy = felix.resolve("sockd/deploy");
            Files.writeString(deploy.resolve("sockd.example.denylist.config"), "file=\"" + denyList + "\"\n");
            Files.copy(EXAMPLE_POLICY, deploy.resolve("sockd.example.policy.jar"));
            Await.until(() -> curl(port, url).isEmpty(), Duration.ofSeconds(SECONDS), "curl refused once the policy is in");
            type(console, "sockd:check 127.0.0.1 127.0.0.1 " + web.port());
            framework.awaitLine(line -> line.contains("rule:     " + denyList + ":1:"), SECONDS);

            type(console, "stop 0");
            assertThat(framework.awaitExit(SECONDS)).as("Felix's exit status after stop 0").isZero();
        }
    }

    /** The build's folder and the staged distribution; without them the test skips, in CI it fails. */
    private static void requireParts() {
        for (Path part : List.of(STOCK_FELIX.resolve("bin/felix.jar"), STOCK_FELIX.resolve("conf/config.properties"),
                SOCKD_FELIX.resolve("bundle"), EXAMPLE_POLICY)) {
            if (!Files.exists(part)) {
                String message = part + " is missing: build with mvn verify (it downloads Apache Felix before the tests)";
                if ("true".equals(System.getenv("CI"))) {
                    throw new AssertionError(message);
                }
                Assumptions.abort(message);
            }
        }
    }

    /** Types the command every two seconds, for at most {@link #SECONDS}, until the console shows its effect. */
    private static void typeUntil(OutputStream console, String command, BooleanSupplier shown, ChildProcess framework)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
        while (!shown.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("typed " + command + " for " + SECONDS + " s without its answer; output:\n"
                        + String.join("\n", framework.output()));
            }
            type(console, command);
            try {
                Await.until(shown, Duration.ofSeconds(2), command + "'s answer");
            } catch (AssertionError notYet) {
                // the command may not be registered yet: type it again
            }
        }
    }

    private static void type(OutputStream console, String command) throws IOException {
        console.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        console.flush();
    }

    /** @return the page curl fetched through the proxy, or "" when it got none */
    private static String curl(int port, String url) {
        try {
            ProgramResult result = ProgramResult.run(new ProcessBuilder("curl", "-s", "--max-time", "5",
                    "--socks5-hostname", "127.0.0.1:" + port, url), null, 10);
            return result.exitCode() == 0 ? result.out() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
