package org.sockd.launcher.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.service.cm.ConfigurationAdmin;
import org.sockd.common.files.StrictModes;

/**
 * The hot-deploy directory ({@value #DIR}, {@code deploy/} under the home by default): every jar
 * in it runs inside the daemon, so it is loaded only when no one but root and the daemon's user
 * can write it, the directories above it or a file in it ({@link StrictModes}). FileInstall's own
 * watcher of that directory, made from the framework properties before the launcher starts, is
 * held back (sockd.bndrun); the launcher watches the directory itself once it has passed.
 */
final class DeployDir {

    /** The framework (or system) property naming the directory, FileInstall's own name for it. */
    static final String DIR = "felix.fileinstall.dir";
    static final String WATCHER_NAME = "sockd.deploy";
    /** {@code ${name}} or {@code ${name:-default}}, the placeholders FileInstall fills in from the framework's properties. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::-([^}]*))?}");

    private DeployDir() {
    }

    /**
     * @param setting the directory as configured, with the placeholders FileInstall would fill in
     *        (sockd.bndrun names {@code ${sockd.home:-.}/deploy})
     * @param properties the framework's properties, null for one that is not set
     * @return the directory FileInstall would watch
     */
    static Path path(String setting, UnaryOperator<String> properties) {
        Matcher placeholder = PLACEHOLDER.matcher(setting);
        StringBuilder path = new StringBuilder();
        while (placeholder.find()) {
            String value = properties.apply(placeholder.group(1));
            String fallback = placeholder.group(2) != null ? placeholder.group(2) : "";
            placeholder.appendReplacement(path, Matcher.quoteReplacement(value != null ? value : fallback));
        }
        placeholder.appendTail(path);
        return Path.of(path.toString()).toAbsolutePath();
    }

    /** Makes the directory if it is missing, writable by its owner alone whatever the umask, as FileInstall would make it. */
    static void create(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
    }

    /**
     * @param strictModes whether to check who may write the directory
     * @param daemonUser the user the daemon runs as
     * @return why the daemon must not load code from the directory, or empty
     */
    static Optional<String> refusal(Path dir, boolean strictModes, String daemonUser) {
        if (!strictModes) {
            return Optional.empty();
        }
        return StrictModes.codeDirectoryProblem(dir, daemonUser)
                .map(problem -> "will not load bundles from " + dir + ": " + problem);
    }

    /**
     * Asks FileInstall to install, update and remove the directory's bundles (and {@code .cfg}
     * and {@code .config} files) from now on.
     *
     * @param poll how often FileInstall looks at the directory, in milliseconds
     */
    static void watch(ConfigurationAdmin configAdmin, Path dir, long poll) throws IOException {
        configAdmin.getFactoryConfiguration(ConfigFiles.FILEINSTALL_FACTORY, WATCHER_NAME, "?")
                .update(ConfigFiles.watcher(dir, poll));
    }
}
