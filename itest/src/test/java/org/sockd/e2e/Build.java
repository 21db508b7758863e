package org.sockd.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The repository the tests run in, what its build made (sockd.jar), and the JDK that runs it. */
final class Build {

    /** The repository, from {@code itest/} where the tests run. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** The built daemon; failsafe names it in the system property {@code sockd.jar}. */
    static final Path SOCKD_JAR = Path.of(System.getProperty("sockd.jar", ROOT + "/bndrun/target/sockd.jar"))
            .toAbsolutePath();
    /** The java program of the JDK that runs the tests: the daemon and its tools run on it too. */
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private static Path bundleJars;
    private static Path shared;

    private Build() {
    }

    /**
     * The bundle jars of sockd.jar (its {@code jar/} entries, the tools' class path, as bin/sockd's
     * run_tool takes them out), taken out once into a directory every user can read, removed at exit.
     */
    static synchronized Path bundleJars() throws IOException {
        if (bundleJars != null) {
            return bundleJars;
        }
        Path dir = Files.createTempDirectory("sockd-bundle-jars");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(SOCKD_JAR))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().startsWith("jar/") && entry.getName().endsWith(".jar")) {
                    Path jar = dir.resolve(Path.of(entry.getName()).getFileName());
                    Files.copy(zip, jar);
                    Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> AdminTools.deleteTree(dir)));
        bundleJars = dir;
        return dir;
    }

    /**
     * A copy of a build file that every user can read, for a process run as another user: the
     * checkout itself may be owner-only (a clone made in a {@code mktemp -d} directory is).
     */
    static synchronized Path readableByAnyUser(Path file) throws IOException {
        if (shared == null) {
            shared = Files.createTempDirectory("sockd-shared");
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path dir = shared;
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> AdminTools.deleteTree(dir)));
        }
        Path copy = shared.resolve(file.getFileName());
        if (!Files.exists(copy)) {
            Files.copy(file, copy);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return copy;
    }

    /** @return the command line that runs a tool's main class from the bundle jars, as bin/sockd does */
    static List<String> toolCommand(List<String> jvmOptions, String mainClass, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", bundleJars() + "/*", mainClass));
        command.addAll(args);
        return command;
    }
}
