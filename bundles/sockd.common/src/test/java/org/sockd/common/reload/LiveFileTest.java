package org.sockd.common.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sockd.common.testing.Await.until;
import static org.sockd.common.testing.Editor.replace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.api.admin.FileVerdict;
import org.sockd.api.admin.ReloadResult;
import org.sockd.common.testing.RecordingLogger;
import org.sockd.common.testing.RecordingLogger.Line;

/** The holder on real files: swap whole, keep the old on error, watch, fail closed at start. */
class LiveFileTest {

    private static final Duration PERIOD = Duration.ofMillis(20);

    private final RecordingLogger log = new RecordingLogger();

    @TempDir
    Path dir;

    @Test
    void aValidFileIsSwappedIn() throws Exception {
        Path file = write("one\n");
        LiveFile<List<String>> words = live(file);
        write("two\nthree\n");

        assertThat(words.reload()).isEqualTo(new ReloadResult.Reloaded(file.toString(), 2));
        assertThat(words.current()).containsExactly("two", "three");
        assertThat(log.lines()).containsExactly(new Line("info", "loaded 1 words from " + file),
                new Line("info", "reloaded 2 words from " + file));
    }

    @Test
    void aFileWithErrorsKeepsTheContentInForceAndLogsEveryErrorWithFileAndLine() throws Exception {
        Path file = write("one\n");
        LiveFile<List<String>> words = live(file);
        write("two\nbad\nthree\nbadder\n");

        assertThat(words.reload()).isEqualTo(new ReloadResult.Failed(file.toString(),
                List.of(file + ":2: a bad word", file + ":4: a bad word")));
        assertThat(words.current()).containsExactly("one");
        assertThat(errors()).containsExactly(file + ":2: a bad word", file + ":4: a bad word",
                file + " not reloaded (2 errors): the previous words stay in force");
    }

    @Test
    void atStartAFileWithErrorsLeavesTheRefusingStandInUntilAGoodReload() throws Exception {
        Path file = dir.resolve("words");
        LiveFile<List<String>> words = live(file);

        assertThat(words.current()).isEmpty();
        assertThat(errors()).containsExactly(file + ": cannot read", file + " not loaded (1 error): no word is known");

        write("one\n");
        assertThat(words.reload()).isInstanceOf(ReloadResult.Reloaded.class);
        assertThat(words.current()).containsExactly("one");
    }

    @Test
    void theVerdictTellsWhatTheLastReadGaveAndWhetherAnythingIsInForce() throws Exception {
        Path file = write("one\nbad\n");
        LiveFile<List<String>> words = live(file);
        List<String> errors = List.of(file + ":2: a bad word");
        assertThat(words.verdict()).isEqualTo(new FileVerdict.Refused(file.toString(), "words", errors));
        words.reload();
        assertThat(words.verdict()).as("still nothing valid in force").isEqualTo(
                new FileVerdict.Refused(file.toString(), "words", errors));

        write("one\ntwo\n");
        words.reload();
        assertThat(words.verdict()).isEqualTo(new FileVerdict.Loaded(file.toString(), "words", 2));
        write("bad\n");
        words.reload();
        assertThat(words.verdict()).isEqualTo(new FileVerdict.Kept(file.toString(), "words", List.of(file + ":1: a bad word")));
    }

    @Test
    void theKindReviewsContentBeforeItTakesOver() throws Exception {
        Path file = write("");
        live(file);
        assertThat(log.lines()).containsExactly(new Line("warn", file + " has no words"),
                new Line("info", "loaded 0 words from " + file));
    }

    @Test
    void theKindMayNameAnotherFileAsTheOrigin() throws Exception {
        Path file = write("one\n");
        new LiveFile<>(file, Words::read, Words.KIND.withOrigin((configured, words) -> configured + " (as words)"),
                log.logger());
        assertThat(log.lines()).containsExactly(new Line("info", "loaded 1 words from " + file + " (as words)"));
    }

    @Test
    void aReaderDuringReloadsSeesWhollyOldOrWhollyNewContent() throws Exception {
        Path file = write("one\n");
        LiveFile<List<String>> words = live(file);
        Set<List<String>> seen = new HashSet<>();
        CompletableFuture<Void> reloads = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 200; i++) {
                replace(file, i % 2 == 0 ? "two\nthree\n" : "one\n");
                assertThat(words.reload()).isInstanceOf(ReloadResult.Reloaded.class);
            }
        });
        while (!reloads.isDone()) {
            seen.add(words.current());
        }
        reloads.get();
        assertThat(seen).containsExactlyInAnyOrder(List.of("one"), List.of("two", "three"));
    }

    @Test
    void theWatcherReloadsAChangedFileAndRefusesABrokenOne() throws Exception {
        Path file = write("one\n");
        try (LiveFile<List<String>> words = live(file).watchIf(true, "test-watch", PERIOD, () -> Set.of(file))) {
            replace(file, "two\n");
            until(() -> words.current().equals(List.of("two")), "the file reloaded");

            replace(file, "bad\n");
            until(() -> errors().contains(file + " not reloaded (1 error): the previous words stay in force"),
                    "the broken file refused");
            assertThat(words.current()).containsExactly("two");
        }
    }

    @Test
    void closingStopsTheWatcher() throws Exception {
        Path file = write("one\n");
        live(file).watchIf(true, "test-watch-closed", PERIOD, () -> Set.of(file)).close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("test-watch-closed"));
    }

    @Test
    void whetherAFileIsWatchedIsSettledOnce() throws Exception {
        Path file = write("one\n");
        try (LiveFile<List<String>> words = live(file).watchIf(false, "test-watch-off", PERIOD, () -> Set.of(file))) {
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("test-watch-off"));
            assertThatThrownBy(() -> words.watchIf(true, "test-watch-later", PERIOD, () -> Set.of(file)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private LiveFile<List<String>> live(Path file) {
        return new LiveFile<>(file, Words::read, Words.KIND, log.logger());
    }

    private List<String> errors() {
        return log.lines().stream().filter(line -> line.level().equals("error")).map(Line::message).toList();
    }

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("words"), text);
    }
}
