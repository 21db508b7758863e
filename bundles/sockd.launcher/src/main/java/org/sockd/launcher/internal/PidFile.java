package org.sockd.launcher.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

/**
 * The classic {@code /etc/sockd.pid}: the daemon's pid, written at start and removed at exit. A
 * file naming a live process means another daemon runs, and this one must not; a file naming a
 * dead process (or holding no pid) is left from a crash and is replaced.
 */
final class PidFile {

    /** The outcome of {@link #claim}. */
    sealed interface Claim {
    }

    /** @param file the pid file, now naming this process */
    record Claimed(PidFile file) implements Claim {
    }

    /** @param pid the live process the file names */
    record HeldBy(long pid) implements Claim {
    }

    private final Path path;
    private final long pid;

    private PidFile(Path path, long pid) {
        this.path = path;
        this.pid = pid;
    }

    /** Claims the file for the current process. */
    static Claim claim(Path path) throws IOException {
        return claim(path, ProcessHandle.current().pid(),
                pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /**
     * @param ownPid the pid to write
     * @param alive tells whether a pid names a running process
     * @throws IOException when the file can neither be read nor written
     */
    static Claim claim(Path path, long ownPid, LongPredicate alive) throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (create(path, ownPid)) {
                return new Claimed(new PidFile(path, ownPid));
            }
            OptionalLong holder = read(path);
            // our own pid in the file is a leftover too: a container's daemon is often pid 1 every time
            if (holder.isPresent() && holder.getAsLong() != ownPid && alive.test(holder.getAsLong())) {
                return new HeldBy(holder.getAsLong());
            }
            Files.deleteIfExists(path);
        }
        throw new IOException("another process keeps re-creating it");
    }

    /**
     * Writes the pid to a temporary file and links it in place: the file appears complete or not
     * at all, so a daemon starting at the same moment never reads it half-written.
     *
     * @return false when the file exists already
     */
    private static boolean create(Path path, long pid) throws IOException {
        Path directory = path.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, "." + path.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, pid + "\n", StandardCharsets.US_ASCII);
            Files.createLink(path, temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** @return the pid the file holds, empty when it is gone or holds no pid */
    static OptionalLong read(Path path) throws IOException {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(path, StandardCharsets.ISO_8859_1).strip()));
        } catch (NoSuchFileException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    Path path() {
        return path;
    }

    /** Removes the file, unless it no longer names this process (someone replaced it). */
    void release() throws IOException {
        OptionalLong holder = read(path);
        if (holder.isPresent() && holder.getAsLong() == pid) {
            Files.deleteIfExists(path);
        }
    }
}
