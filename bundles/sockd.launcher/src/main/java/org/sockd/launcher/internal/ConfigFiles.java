package org.sockd.launcher.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The configuration directory: FileInstall turns each {@code PID.cfg} (or {@code
 * FACTORYPID-NAME.cfg}) in it into a Config Admin configuration, and follows every later change,
 * addition and removal. The watchers are FileInstall factory configurations made here, so that the
 * directory can be chosen on the command line: one for every file but the listeners', and one for
 * the listener files, made only once the files the policies read are known good (and never when
 * the command line decides the listeners).
 */
final class ConfigFiles {

    static final String FILEINSTALL_FACTORY = "org.apache.felix.fileinstall";
    static final String WATCHER_NAME = "sockd.config";
    static final String LISTENER_WATCHER_NAME = "sockd.config.listeners";
    /** The property by which FileInstall marks the configurations it made, with the file's URI. */
    static final String FILENAME = "felix.fileinstall.filename";

    private static final String CONFIG_FILE = ".*\\.(cfg|config)";
    private static final Pattern LISTENER_FILE = Pattern.compile(Launcher.LISTENER_FACTORY.replace(".", "\\.") + "-" + CONFIG_FILE);

    /** Every configuration file but the listeners': the policies' files are known good before a port opens. */
    static final String SETTINGS_FILES = "(?!" + LISTENER_FILE.pattern() + ")" + CONFIG_FILE;

    private ConfigFiles() {
    }

    /** @return the files of the directory that FileInstall loads before the policies start */
    static List<Path> eligible(Path dir) throws IOException {
        return matching(dir, SETTINGS_FILES);
    }

    private static List<Path> matching(Path dir, String regex) throws IOException {
        Pattern filter = Pattern.compile(regex);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> filter.matcher(file.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        }
    }

    /** @return how many listener files the directory holds */
    static long listenerFiles(Path dir) throws IOException {
        return matching(dir, LISTENER_FILE.pattern()).size();
    }

    /**
     * Asks FileInstall to watch the directory's files but the listeners' and waits, bounded, until
     * it has made a configuration of every one, so that the bundles started after the launcher
     * find their configuration in place instead of starting on defaults and restarting a moment later.
     *
     * @param poll how often FileInstall looks at the directory, in milliseconds
     * @return the eligible files FileInstall did not load in time (a file it cannot parse stays here)
     */
    static List<Path> watch(ConfigurationAdmin configAdmin, Path dir, long poll, Duration wait)
            throws IOException, InterruptedException {
        startWatcher(configAdmin, WATCHER_NAME, dir, SETTINGS_FILES, poll);
        return awaitLoaded(configAdmin, eligible(dir), wait);
    }

    /**
     * Asks FileInstall to watch the listener files, once the files they would serve with are known
     * good, and waits for them as {@link #watch} does.
     *
     * @return the listener files FileInstall did not load in time
     */
    static List<Path> watchListeners(ConfigurationAdmin configAdmin, Path dir, long poll, Duration wait)
            throws IOException, InterruptedException {
        startWatcher(configAdmin, LISTENER_WATCHER_NAME, dir, LISTENER_FILE.pattern(), poll);
        return awaitLoaded(configAdmin, matching(dir, LISTENER_FILE.pattern()), wait);
    }

    private static List<Path> awaitLoaded(ConfigurationAdmin configAdmin, List<Path> expected, Duration wait)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Path> missing = missing(configAdmin, expected);
        while (!missing.isEmpty() && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
            missing = missing(configAdmin, expected);
        }
        return missing;
    }

    private static void startWatcher(ConfigurationAdmin configAdmin, String name, Path dir, String filter, long poll)
            throws IOException {
        Dictionary<String, Object> watcher = watcher(dir, poll);
        watcher.put("felix.fileinstall.filter", filter);
        // sub-directories (examples, systemd units) are not bundles to install
        watcher.put("felix.fileinstall.subdir.mode", "skip");
        configAdmin.getFactoryConfiguration(FILEINSTALL_FACTORY, name, "?").update(watcher);
    }

    /** @return a FileInstall watcher's configuration: every file of the directory, looked at at once and then every poll */
    static Dictionary<String, Object> watcher(Path dir, long poll) {
        Dictionary<String, Object> watcher = new Hashtable<>();
        watcher.put("felix.fileinstall.dir", dir.toAbsolutePath().toString());
        watcher.put("felix.fileinstall.poll", Long.toString(poll));
        watcher.put("felix.fileinstall.noInitialDelay", "true");
        return watcher;
    }

    private static List<Path> missing(ConfigurationAdmin configAdmin, List<Path> expected) throws IOException {
        Set<String> loaded = new HashSet<>();
        for (Configuration configuration : list(configAdmin, "(" + FILENAME + "=*)")) {
            Object name = configuration.getProperties() == null ? null : configuration.getProperties().get(FILENAME);
            if (name != null) {
                loaded.add(name.toString());
            }
        }
        return expected.stream().filter(file -> !loaded.contains(uri(file))).toList();
    }

    /** The form FileInstall records a file in: {@code java.io.File#toURI}, {@code file:/dir/name}. */
    static String uri(Path file) {
        return file.toAbsolutePath().toFile().toURI().toString();
    }

    static Configuration[] list(ConfigurationAdmin configAdmin, String filter) throws IOException {
        try {
            Configuration[] found = configAdmin.listConfigurations(filter);
            return found == null ? new Configuration[0] : found;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }
}
