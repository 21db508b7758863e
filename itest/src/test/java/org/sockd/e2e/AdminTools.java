package org.sockd.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The admin client ({@code bin/sockd ctl}) as a user runs it: the ControlClient main from the
 * bundle jars inside the built sockd.jar, taken out once into a directory every user can read, so
 * that it can also run as another local user.
 */
final class AdminTools {

    static final String CONTROL_CLIENT = "org.sockd.admin.internal.ControlClient";
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private static Path jars;

    private AdminTools() {
    }

    /** What a program printed, each stream apart, and how it exited. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    /** Runs the client on the socket with the arguments, as the user running the tests. */
    static Result ctl(Path socket, String... args) throws IOException, InterruptedException {
        return run(List.of(), clientCommand(socket, args));
    }

    /** Runs the client as another local user (setpriv, so the caller must be root). */
    static Result ctlAs(String user, Path socket, String... args) throws IOException, InterruptedException {
        return run(asUser(user), clientCommand(socket, args));
    }

    /** @return the command prefix that runs a program as the user, in the same process (no fork, so signals reach it) */
    static List<String> asUser(String user) {
        return List.of(LocalUsers.tool("setpriv"), "--reuid=" + user, "--regid=" + user, "--init-groups", "--");
    }

    private static List<String> clientCommand(Path socket, String... args) throws IOException {
        // no hsperfdata files in /tmp from every short run, under every user
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-XX:-UsePerfData", "-cp", jars() + "/*",
                CONTROL_CLIENT));
        if (socket != null) {
            command.addAll(List.of("--socket", socket.toString()));
        }
        command.addAll(List.of(args));
        return command;
    }

    /** Runs the command to its end (bounded), collecting standard output and standard error apart. */
    static Result run(List<String> prefix, List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        // "/" is readable by every user, unlike the build directory may be
        Process process = new ProcessBuilder(full).directory(Path.of("/").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Thread outReader = Thread.ofVirtual().start(() -> collect(process.getInputStream(), out));
        Thread errReader = Thread.ofVirtual().start(() -> collect(process.getErrorStream(), err));
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", full) + " did not finish within 180 s; stdout so far: " + out
                    + "\nstderr so far: " + err);
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

    /** The bundle jars of sockd.jar in a directory of their own, readable by everyone, removed at exit. */
    static synchronized Path jars() throws IOException {
        if (jars != null) {
            return jars;
        }
        Path dir = Files.createTempDirectory("sockd-admin-tools");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(Daemon.JAR))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().startsWith("jar/") && entry.getName().endsWith(".jar")) {
                    Path jar = dir.resolve(Path.of(entry.getName()).getFileName());
                    Files.copy(zip, jar);
                    Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> deleteTree(dir)));
        jars = dir;
        return dir;
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tests that need root run in CI (CI=true, as root); elsewhere they are skipped when not root. */
    static boolean mayRunAsRoot() {
        return isRoot() || "true".equals(System.getenv("CI"));
    }

    static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            return new String(id.getInputStream().readAllBytes()).strip().equals("0") && id.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
