package org.sockd.e2e;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    static ProgramResult python(String script, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON, resource(script).toString()));
        command.addAll(args);
        return run(command, null);
    }

    /**
     * Runs a test class's main in a JVM of its own, so that process-wide settings it makes stay
     * there. Its class path is the test classes alone (failsafe's own class path is a booter jar):
     * such a class may use the JDK only.
     */
    static ProgramResult java(Class<?> mainClass, List<String> args) throws IOException, InterruptedException {
        String testClasses;
        try {
            testClasses = Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new AssertionError("the test classes of " + mainClass + " are not in a directory", e);
        }
        List<String> command = new ArrayList<>(List.of(Build.JAVA.toString(), "-cp", testClasses, mainClass.getName()));
        command.addAll(args);
        return run(command, null);
    }

    /**
     * Runs the command to its end (bounded), with {@code stdin} as its standard input ({@code null}
     * for none), and collects its two output streams apart.
     */
    static ProgramResult run(List<String> command, String stdin) throws IOException, InterruptedException {
        return ProgramResult.run(new ProcessBuilder(command), stdin, TIMEOUT_SECONDS);
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
}
