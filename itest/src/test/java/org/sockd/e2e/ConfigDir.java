package org.sockd.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the repository's config/ in a temporary directory, for a daemon started with
 * {@code --config-dir}: tests change the copy while the daemon runs, never the shipped files.
 */
final class ConfigDir {

    static final Path SHIPPED = Build.ROOT.resolve("config");

    private final Path dir;

    private ConfigDir(Path dir) {
        this.dir = dir;
    }

    /** Copies the shipped files; the default listener is moved to the given port. */
    static ConfigDir copyOfShipped(Path dir, int listenerPort) throws IOException {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        ConfigDir config = new ConfigDir(dir);
        config.listener("default", listenerPort);
        return config;
    }

    Path path() {
        return dir;
    }

    /** Writes (or replaces) {@code sockd.listener-NAME.cfg} for 127.0.0.1 and the port. */
    void listener(String name, int port) throws IOException {
        write("sockd.listener-" + name + ".cfg", List.of("address = \"127.0.0.1\"", "port = I\"" + port + "\""));
    }

    /** Replaces the typed value of one property of a file, keeping the rest. */
    void set(String file, String key, String typedValue) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(file)).stream()
                .map(line -> line.startsWith(key + " = ") ? key + " = " + typedValue : line)
                .toList();
        if (!lines.contains(key + " = " + typedValue)) {
            throw new IllegalArgumentException(file + " has no line " + key + " = ...");
        }
        write(file, lines);
    }

    /** Writes (or replaces) one file of the directory, as {@link #replace} does. */
    void write(String file, List<String> lines) throws IOException {
        replace(dir.resolve(file), String.join("\n", lines) + "\n");
    }

    /**
     * Writes the file through a hidden temporary file beside it, so that no reader (FileInstall, a
     * daemon reloading) ever reads half a file.
     */
    static void replace(Path file, String text) throws IOException {
        Path next = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(next, text);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void delete(String file) throws IOException {
        Files.delete(dir.resolve(file));
    }
}
