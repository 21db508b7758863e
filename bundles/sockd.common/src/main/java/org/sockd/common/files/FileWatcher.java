package org.sockd.common.files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an action when watched files change on disk and then stay unchanged for a while, so that a
 * file still being written is not read half-way. Polling size, time and file key is cheap for a
 * few files, and unlike directory events it also sees editors that rename a new file over the old
 * one, symbolic links switched to another target, and files in several directories.
 */
public final class FileWatcher implements AutoCloseable {

    /** Long enough for an editor or a copy to finish writing, short enough to feel immediate. */
    public static final Duration SETTLE = Duration.ofMillis(300);

    private static final Logger LOG = LoggerFactory.getLogger(FileWatcher.class);
    private static final Duration JOIN = Duration.ofSeconds(5);

    private final Supplier<Set<Path>> files;
    private final Runnable onChange;
    private final long periodNanos;
    private final long settleNanos;
    private final Thread thread;
    private volatile boolean open = true;

    // Touched by the polling thread alone once it runs.
    private Map<Path, FileStamp> accepted;
    private Map<Path, FileStamp> pending;
    private long pendingSince;

    /**
     * @param threadName names the polling thread, so a thread dump tells which files it watches
     * @param files the files to watch, asked again at every poll (what is watched may change)
     * @param onChange what to do once a change has settled
     * @param period how often to look when nothing is changing
     * @param settle how long a change must stay as it is before {@code onChange} runs
     */
    public FileWatcher(String threadName, Supplier<Set<Path>> files, Runnable onChange, Duration period,
            Duration settle) {
        this.files = Objects.requireNonNull(files, "files");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.periodNanos = period.toNanos();
        this.settleNanos = settle.toNanos();
        this.accepted = FileStamp.of(files.get());
        this.thread = Thread.ofPlatform().daemon().name(threadName).unstarted(this::run);
    }

    /**
     * The watcher of a component whose configuration may turn watching off: started, waiting
     * {@link #SETTLE} for a change to settle, when {@code watch} is on; none when it is off.
     *
     * @see #FileWatcher(String, Supplier, Runnable, Duration, Duration)
     */
    public static Optional<FileWatcher> startIf(boolean watch, String threadName, Supplier<Set<Path>> files,
            Runnable onChange, Duration period) {
        return watch ? Optional.of(new FileWatcher(threadName, files, onChange, period, SETTLE).start())
                : Optional.empty();
    }

    /** Starts polling on a thread of its own. */
    public FileWatcher start() {
        thread.start();
        return this;
    }

    /** Looks once at the files; {@code now} is a {@link System#nanoTime()} reading. */
    void poll(long now) {
        Map<Path, FileStamp> seen = FileStamp.of(files.get());
        if (seen.equals(accepted)) {
            pending = null;
        } else if (!seen.equals(pending)) {
            pending = seen;
            pendingSince = now;
        } else if (now - pendingSince >= settleNanos) {
            LOG.info("{} changed on disk: reloading", changed(seen));
            try {
                onChange.run();
            } finally {
                accept();
            }
        }
    }

    /**
     * The action may have changed which files are watched. A file watched before keeps the stamp it
     * had when the change settled, so an edit made while the action ran is seen at the next poll; a
     * newly watched file is stamped now.
     */
    private void accept() {
        Map<Path, FileStamp> now = FileStamp.of(files.get());
        now.replaceAll((file, stamp) -> pending.getOrDefault(file, stamp));
        accepted = now;
        pending = null;
    }

    private Set<Path> changed(Map<Path, FileStamp> seen) {
        Set<Path> changed = new TreeSet<>(seen.keySet());
        changed.addAll(accepted.keySet());
        changed.removeIf(file -> Objects.equals(seen.get(file), accepted.get(file)));
        return changed;
    }

    private void run() {
        while (open) {
            LockSupport.parkNanos(pending == null ? periodNanos : settleNanos);
            if (open) {
                try {
                    poll(System.nanoTime());
                } catch (RuntimeException e) {
                    LOG.error("watching {} for changes failed", files.get(), e);
                }
            }
        }
    }

    /** Stops polling; waits a while for an action that is running to finish. */
    @Override
    public void close() {
        open = false;
        LockSupport.unpark(thread);
        try {
            thread.join(JOIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
