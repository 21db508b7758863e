package org.sockd.common.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Polls are driven by hand with a made-up clock, except where the watcher's own thread is tested. */
class FileWatcherTest {

    private static final Duration SETTLE = Duration.ofMillis(300);
    private static final long S = SETTLE.toNanos();

    @TempDir
    Path dir;
    private Path file;
    private final Set<Path> watched = new CopyOnWriteArraySet<>();
    /** What the file held each time the action ran. */
    private final List<String> reads = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        file = Files.writeString(dir.resolve("sockd.conf"), "permit 10.0.0.0 255.0.0.0\n");
        watched.add(file);
    }

    @Test
    void nothingRunsWhileNothingChanges() {
        FileWatcher watcher = watcher(() -> reads.add(read(file)));
        poll(watcher, 0, S, 10 * S);
        assertThat(reads).isEmpty();
    }

    @Test
    void aWriteRunsTheActionOnceItHasSettled() throws IOException {
        FileWatcher watcher = watcher(() -> reads.add(read(file)));
        Files.writeString(file, "deny 10.0.0.0 255.0.0.0\n");

        poll(watcher, 0, S - 1);
        assertThat(reads).isEmpty();
        poll(watcher, S, 2 * S, 3 * S);
        assertThat(reads).containsExactly("deny 10.0.0.0 255.0.0.0\n");
    }

    @Test
    void aHalfWrittenFileIsNotReadUntilItStopsChanging() throws IOException {
        FileWatcher watcher = watcher(() -> reads.add(read(file)));
        Files.writeString(file, "deny 10.0.0.0");
        poll(watcher, 0);
        Files.writeString(file, " 255.0.0.0\n", StandardOpenOption.APPEND);

        poll(watcher, S);
        assertThat(reads).isEmpty();
        poll(watcher, 2 * S);
        assertThat(reads).containsExactly("deny 10.0.0.0 255.0.0.0\n");
    }

    @Test
    void anEditorRenamingANewFileOverTheOldOneIsSeenEvenWithTheSameSizeAndTime() throws IOException {
        FileWatcher watcher = watcher(() -> reads.add(read(file)));
        Path saved = Files.writeString(dir.resolve("sockd.conf~new"), "permit 11.0.0.0 255.0.0.0\n");
        Files.setLastModifiedTime(saved, Files.getLastModifiedTime(file));
        Files.move(saved, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        poll(watcher, 0, S);
        assertThat(reads).containsExactly("permit 11.0.0.0 255.0.0.0\n");
    }

    @Test
    void aDeletedFileRunsTheActionSoTheReloadCanReportIt() throws IOException {
        FileWatcher watcher = watcher(() -> reads.add(read(file)));
        Files.delete(file);
        poll(watcher, 0, S, 2 * S);
        assertThat(reads).containsExactly("<missing>");
    }

    @Test
    void aFileTheActionStartsWatchingIsTakenAsItIsAndWatchedFromThen() throws IOException {
        Path users = Files.writeString(dir.resolve("users"), "alice\n");
        FileWatcher watcher = watcher(() -> {
            reads.add(read(file));
            watched.add(users); // as a reload of rules naming *=/…/users does
        });
        Files.writeString(file, "permit *=" + users + " 10.0.0.0 255.0.0.0\n");
        poll(watcher, 0, S, 2 * S, 3 * S);
        assertThat(reads).hasSize(1);

        Files.writeString(users, "alice bob\n");
        poll(watcher, 4 * S, 5 * S);
        assertThat(reads).hasSize(2);
    }

    @Test
    void anEditMadeWhileTheActionRunsIsSeenAtTheNextPolls() throws IOException {
        FileWatcher watcher = watcher(() -> {
            reads.add(read(file));
            if (reads.size() == 1) {
                write("deny 10.0.0.0 255.0.0.0 eq 80\n");
            }
        });
        Files.writeString(file, "deny 10.0.0.0 255.0.0.0\n");
        poll(watcher, 0, S, 2 * S, 3 * S, 4 * S);
        assertThat(reads).containsExactly("deny 10.0.0.0 255.0.0.0\n", "deny 10.0.0.0 255.0.0.0 eq 80\n");
    }

    @Test
    void theWatcherThreadRunsTheActionAndStopsWhenClosed() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        FileWatcher watcher = new FileWatcher("test-file-watch", () -> watched, () -> seen.add(read(file)),
                Duration.ofMillis(10), Duration.ofMillis(30)).start();
        try {
            Files.writeString(file, "deny 10.0.0.0 255.0.0.0\n");
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("deny 10.0.0.0 255.0.0.0\n");
        } finally {
            watcher.close();
        }
        Files.writeString(file, "permit 0.0.0.0 0.0.0.0\n");
        assertThat(seen.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aComponentWatchesOnlyWhenItsConfigurationSaysSo() throws Exception {
        assertThat(FileWatcher.startIf(false, "test-off-watch", () -> watched, () -> { }, Duration.ofMillis(10)))
                .isEmpty();
        assertThat(threadsNamed("test-off-watch")).isZero();

        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        FileWatcher watcher = FileWatcher.startIf(true, "test-on-watch", () -> watched, () -> seen.add(read(file)),
                Duration.ofMillis(10)).orElseThrow();
        try {
            assertThat(threadsNamed("test-on-watch")).isOne();
            Files.writeString(file, "deny 10.0.0.0 255.0.0.0\n");
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("deny 10.0.0.0 255.0.0.0\n");
        } finally {
            watcher.close();
        }
        assertThat(threadsNamed("test-on-watch")).isZero();
    }

    private static long threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(name)).count();
    }

    private FileWatcher watcher(Runnable action) {
        return new FileWatcher("test-file-watch", () -> watched, action, Duration.ofSeconds(1), SETTLE);
    }

    private static void poll(FileWatcher watcher, long... times) {
        for (long time : times) {
            watcher.poll(time);
        }
    }

    private void write(String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "<missing>";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
