package org.sockd.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real client programs run as child processes for the SOCKS 5 tests: curl, Python's PySocks
 * (Debian {@code python3-socks}) and a second JVM. A missing program skips the test on a
 * developer's machine and fails it in CI ({@code CI=true}), where the packages must be installed.
 */
final class AuthClients {

    /** Debian's python3 with python3-socks; a pyenv python3 first on PATH would lack the module. */
    static final String PYTHON = "/usr/bin/python3";
    private static final int TIMEOUT_SECONDS = 30;

    private AuthClients() {
    }

    /** Skips (or in CI fails) the calling test unless curl runs. */
    static void requireCurl() throws InterruptedException {
        require(works(List.of("curl", "--version")), "curl", "curl");
    }

    /** Skips (or in CI fails) the calling test unless {@link #PYTHON} can import PySocks. */
    static void requirePySocks() throws InterruptedException {
        require(works(List.of(PYTHON, "-c", "import socks")), PYTHON + " with the socks module", "python3-socks");
    }

    private static void require(boolean present, String what, String debianPackage) {
        if (present) {
            return;
        }
        String message = what + " is not available (Debian package " + debianPackage + ")";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message + ": CI must install it");
        }
        Assumptions.abort(message);
    }

    private static boolean works(List<String> command) throws InterruptedException {
        try {
            return run(command, null).exitCode() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    /** Runs one of the Python helpers of {@code src/test/resources/e2e/} with {@link #PYTHON}. */
    static Result python(String script, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON, resource(script).toString()));
        command.addAll(args);
        return run(command, null);
    }

    /**
     * Runs a test class's main in a JVM of its own, so that process-wide settings it makes stay
     * there. Its class path is the test classes alone (failsafe's own class path is a booter jar):
     * such a class may use the JDK only.
     */
    static Result java(Class<?> mainClass, List<String> args) throws IOException, InterruptedException {
        String testClasses;
        try {
            testClasses = Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new AssertionError("the test classes of " + mainClass + " are not in a directory", e);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClasses, mainClass.getName()));
        command.addAll(args);
        return run(command, null);
    }

    /**
     * Runs the command to its end (bounded), with {@code stdin} as its standard input ({@code null}
     * for none), and collects its two output streams apart.
     */
    static Result run(List<String> command, String stdin) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        // read on other threads so that a hung program cannot hang the test beyond the timeout
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Thread outReader = Thread.ofVirtual().start(() -> collect(process.getInputStream(), out));
        Thread errReader = Thread.ofVirtual().start(() -> collect(process.getErrorStream(), err));
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS
                    + " s; output so far: " + out + err);
        }
        outReader.join(5000);
        errReader.join(5000);
        return new Result(process.exitValue(), out.toString(), err.toString());
    }

    private static void collect(InputStream stream, StringBuilder into) {
        try (stream) {
            into.append(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the process is gone
        }
    }

    private static Path resource(String name) {
        URL url = AuthClients.class.getResource("/e2e/" + name);
        if (url == null) {
            throw new AssertionError("no test resource e2e/" + name + " (src/test/resources/e2e/)");
        }
        try {
            Path path = Path.of(url.toURI());
            if (!Files.isRegularFile(path)) {
                throw new AssertionError("test resource " + url + " is not a file");
            }
            return path;
        } catch (URISyntaxException e) {
            throw new AssertionError("test resource " + url + " has no file path", e);
        }
    }

    /** What a program did: its exit code and what it printed on each stream. */
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }
}
