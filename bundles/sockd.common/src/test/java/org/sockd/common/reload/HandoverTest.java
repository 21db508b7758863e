package org.sockd.common.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.RecordingLogger;

/** The {@code @Modified} hand-over: the new state takes over, then the old one is closed. */
class HandoverTest {

    /** Remembers whether it was closed, and whether it was still in force at that moment. */
    private static final class State implements Closeable {
        private Handover<State> owner;
        private boolean closed;
        private boolean inForceWhenClosed;

        @Override
        public void close() {
            closed = true;
            inForceWhenClosed = owner.current() == this;
        }
    }

    @Test
    void theNewStateTakesOverBeforeTheOldOneIsClosed() {
        State first = new State();
        State second = new State();
        Handover<State> handover = new Handover<>(first);
        first.owner = handover;
        second.owner = handover;

        handover.handTo(second);

        assertThat(handover.current()).isSameAs(second);
        assertThat(first.closed).isTrue();
        assertThat(first.inForceWhenClosed).isFalse();
        assertThat(second.closed).isFalse();
    }

    @Test
    void closingClosesTheStateInForce() {
        State only = new State();
        Handover<State> handover = new Handover<>(only);
        only.owner = handover;

        handover.close();

        assertThat(only.closed).isTrue();
    }

    @Test
    void aLiveFileHandedOverStopsWatchingAndItsSuccessorWatchesUntilTheEnd(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("words"), "one\n");
        Handover<LiveFile<List<String>>> handover = new Handover<>(watched(file, "test-handover-first"));

        handover.handTo(watched(file, "test-handover-second"));
        assertThat(watchers()).doesNotContain("test-handover-first").contains("test-handover-second");

        handover.close();
        assertThat(watchers()).doesNotContain("test-handover-second");
    }

    private static LiveFile<List<String>> watched(Path file, String threadName) {
        return new LiveFile<>(file, Words::read, Words.KIND, new RecordingLogger().logger())
                .watchIf(true, threadName, Duration.ofMillis(20), () -> Set.of(file));
    }

    private static List<String> watchers() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("test-handover-")).toList();
    }
}
