package org.sockd.common.reload;

import java.io.Closeable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.sockd.api.admin.FileVerdict;
import org.sockd.api.admin.ReloadResult;
import org.sockd.common.files.FileWatcher;

/**
 * The content of a configuration file in force, and the only way to replace it: read the whole
 * file and swap only when every line is valid, else keep the content in force and log every error
 * with its file and line. A reader of {@link #current()} gets the old content or the new one, never
 * a mix. At start there is no old content to keep, so a file with errors leaves the kind's refusing
 * stand-in in force (fail closed).
 *
 * @param <T> what a valid file gives
 */
public final class LiveFile<T> implements Closeable {

    private final Path file;
    private final Function<Path, ? extends LoadResult<? extends T>> reader;
    private final FileKind<T> kind;
    private final Logger log;
    private volatile T current;
    private volatile FileVerdict verdict;
    private final AtomicBoolean watchSettled = new AtomicBoolean();
    private volatile Optional<FileWatcher> watcher = Optional.empty();

    /**
     * Reads the file for the first time.
     *
     * @param reader reads and checks the whole file
     * @param log where loads, reloads and errors are reported
     */
    public LiveFile(Path file, Function<Path, ? extends LoadResult<? extends T>> reader, FileKind<T> kind, Logger log) {
        this.file = Objects.requireNonNull(file, "file");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.log = Objects.requireNonNull(log, "log");
        this.current = first();
    }

    /** @return the content in force */
    public T current() {
        return current;
    }

    /** @return what the last read of the file gave, for {@link org.sockd.api.admin.LoadedFile} */
    public FileVerdict verdict() {
        return verdict;
    }

    /** @return the file as configured */
    public Path file() {
        return file;
    }

    /** Reads the file again; serialised, so that a slow reload can never overwrite the result of a later one. */
    public synchronized ReloadResult reload() {
        return switch (reader.apply(file)) {
            case LoadResult.Valid<? extends T> valid -> {
                T content = valid.content();
                kind.review().review(file, content, log);
                current = content;
                verdict = loaded(content);
                log.info("reloaded {} {} from {}", size(content), kind.noun(), kind.origin().apply(file, content));
                yield new ReloadResult.Reloaded(file.toString(), size(content));
            }
            case LoadResult.Invalid<? extends T> invalid -> {
                logErrors(invalid.errors(), "not reloaded", "the previous " + kind.noun() + " stay in force");
                List<String> errors = texts(invalid.errors());
                // a file never loaded stays refused: nothing older is in force
                verdict = verdict instanceof FileVerdict.Refused ? refused(errors) : new FileVerdict.Kept(file.toString(),
                        kind.noun(), errors);
                yield new ReloadResult.Failed(file.toString(), errors);
            }
        };
    }

    /**
     * Reloads when the files change on disk, if {@code on}; called once at most.
     *
     * @param threadName names the polling thread, so a thread dump tells which file it watches
     * @param period how often to look
     * @param files the files to watch, asked again after every reload (a file may name others)
     * @return this
     */
    public LiveFile<T> watchIf(boolean on, String threadName, Duration period, Supplier<Set<Path>> files) {
        if (!watchSettled.compareAndSet(false, true)) {
            throw new IllegalStateException("whether " + file + " is watched was settled already");
        }
        watcher = FileWatcher.startIf(on, threadName, files, this::reload, period);
        return this;
    }

    /** Stops watching; the content stays readable. */
    @Override
    public void close() {
        watcher.ifPresent(FileWatcher::close);
    }

    private T first() {
        return switch (reader.apply(file)) {
            case LoadResult.Valid<? extends T> valid -> {
                T content = valid.content();
                kind.review().review(file, content, log);
                log.info("loaded {} {} from {}", size(content), kind.noun(), kind.origin().apply(file, content));
                verdict = loaded(content);
                yield content;
            }
            case LoadResult.Invalid<? extends T> invalid -> {
                logErrors(invalid.errors(), "not loaded", kind.whileRefusing());
                verdict = refused(texts(invalid.errors()));
                yield kind.refusing().apply(file, invalid.errors());
            }
        };
    }

    private FileVerdict loaded(T content) {
        return new FileVerdict.Loaded(file.toString(), kind.noun(), size(content));
    }

    private FileVerdict refused(List<String> errors) {
        return new FileVerdict.Refused(file.toString(), kind.noun(), errors);
    }

    private static List<String> texts(List<FileError> errors) {
        return errors.stream().map(FileError::toString).toList();
    }

    private int size(T content) {
        return kind.size().applyAsInt(content);
    }

    private void logErrors(List<FileError> errors, String what, String consequence) {
        errors.forEach(error -> log.error("{}", error));
        String count = errors.size() == 1 ? "1 error" : errors.size() + " errors";
        log.error("{} {} ({}): {}", file, what, count, consequence);
    }
}
