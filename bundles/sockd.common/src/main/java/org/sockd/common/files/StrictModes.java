package org.sockd.common.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a file the daemon trusts could have been read or changed by someone else, in the manner
 * of sshd's StrictModes: a secret (the password file) must be owned by root or by the daemon's user,
 * writable by no one else and readable by no one outside its group; a directory whose content is
 * run as code (deploy/) must be owned by root or by the daemon's user and writable by no one else,
 * and so must every directory above it (a sticky one such as /tmp excepted) and every file in it.
 * Each problem says what is wrong and the command that mends it; a directory's names the file it
 * found wrong, a secret's is the caller's to name.
 */
public final class StrictModes {

    /**
     * The system property that turns the checks off when set to {@code false}, for development
     * only: one switch for the process, like sshd's StrictModes.
     */
    public static final String PROPERTY = "sockd.strict.modes";

    private static final String ROOT = "root";
    private static final int STICKY = 01000;
    private static final int GROUP_READ = 040;
    private static final int GROUP_WRITE = 020;
    private static final int OTHERS_READ = 04;
    private static final int OTHERS_WRITE = 02;

    private StrictModes() {
    }

    /**
     * @param value the property's value, null when unset
     * @return whether the checks are on: unless the value is {@code false}
     * @throws IllegalArgumentException when the value is neither true nor false
     */
    public static boolean on(String value) {
        if (value == null || value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        if (value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(PROPERTY + " must be true or false, not " + value);
    }

    /**
     * For a file of hashes, which a group of administrators may read.
     *
     * @param daemonUser the name of the user the daemon runs as
     * @return what makes the file unfit to hold secrets (without the file's name before it, as in
     *         {@code readable by others (mode 0644): make it private with chmod 600 FILE}), or empty
     *         if nothing does
     */
    public static Optional<String> secretFileProblem(Path file, String daemonUser) {
        return exposure(file, daemonUser, OTHERS_READ);
    }

    /**
     * For a file of plain-text passwords, which only its owner may read: as {@link
     * #secretFileProblem}, and its group may not read it either.
     */
    public static Optional<String> privateFileProblem(Path file, String daemonUser) {
        return exposure(file, daemonUser, GROUP_READ | OTHERS_READ);
    }

    private static Optional<String> exposure(Path file, String daemonUser, int forbiddenReaders) {
        try {
            Map<String, Object> attributes = Files.readAttributes(file, "unix:mode,owner");
            int mode = (Integer) attributes.get("mode");
            List<String> wrong = new ArrayList<>();
            if ((mode & forbiddenReaders) != 0) {
                wrong.add("readable by " + who(mode & forbiddenReaders, GROUP_READ, OTHERS_READ));
            }
            if ((mode & (GROUP_WRITE | OTHERS_WRITE)) != 0) {
                wrong.add("writable by " + who(mode, GROUP_WRITE, OTHERS_WRITE));
            }
            return ownerProblem(file, attributes, daemonUser).or(() -> wrong.isEmpty() ? Optional.empty()
                    : Optional.of(String.join(" and ", wrong) + " (mode " + octal(mode)
                            + "): make it private with chmod 600 " + file));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of(cannotCheck(e));
        }
    }

    /**
     * @param daemonUser the name of the user the daemon runs as
     * @return what lets someone else than root or the daemon's user put code into the directory,
     *         naming the file or directory at fault, or empty if nothing does
     */
    public static Optional<String> codeDirectoryProblem(Path dir, String daemonUser) {
        try {
            Path real = dir.toRealPath();
            Optional<String> problem = writableByOthers(real, daemonUser, false);
            for (Path parent = real.getParent(); problem.isEmpty() && parent != null; parent = parent.getParent()) {
                problem = writableByOthers(parent, daemonUser, true);
            }
            if (problem.isPresent()) {
                return problem;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(real)) {
                for (Path entry : entries) {
                    problem = writableByOthers(entry, daemonUser, false);
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of(dir + ": " + cannotCheck(e));
        }
    }

    private static Optional<String> writableByOthers(Path path, String daemonUser, boolean stickyExcuses)
            throws IOException {
        Map<String, Object> attributes = Files.readAttributes(path, "unix:mode,owner", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) attributes.get("mode");
        if ((mode & (GROUP_WRITE | OTHERS_WRITE)) == 0 || stickyExcuses && (mode & STICKY) != 0) {
            return ownerProblem(path, attributes, daemonUser).map(problem -> path + " is " + problem);
        }
        return Optional.of(path + " is writable by " + who(mode, GROUP_WRITE, OTHERS_WRITE) + " (mode " + octal(mode)
                + "): anyone who may write there can make the daemon run their code; chmod go-w " + path);
    }

    private static Optional<String> ownerProblem(Path path, Map<String, Object> attributes, String daemonUser) {
        String owner = attributes.get("owner").toString();
        if (owner.equals(ROOT) || owner.equals(daemonUser)) {
            return Optional.empty();
        }
        return Optional.of("owned by " + owner + ", not by root or by the daemon's user " + daemonUser
                + ": chown " + daemonUser + " " + path);
    }

    private static String cannotCheck(Exception e) {
        return "cannot check who may change it: "
                + (e instanceof IOException io ? IoReason.of(io) : "no Unix file modes on this system");
    }

    /** @return who of the group and others has the permission */
    private static String who(int mode, int groupBit, int othersBit) {
        boolean group = (mode & groupBit) != 0;
        boolean others = (mode & othersBit) != 0;
        return group && others ? "its group and others" : group ? "its group" : "others";
    }

    private static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }
}
