package org.sockd.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("sockd.pid");
    }

    @Test
    void writesThePidAndRemovesItOnRelease() throws IOException {
        PidFile.Claim claim = PidFile.claim(file());

        assertThat(claim).isInstanceOf(PidFile.Claimed.class);
        assertThat(Files.readString(file())).isEqualTo(ProcessHandle.current().pid() + "\n");
        ((PidFile.Claimed) claim).file().release();
        assertThat(file()).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aLiveProcessKeepsItsFile() throws Exception {
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(file(), other.pid() + "\n");

            assertThat(PidFile.claim(file())).isEqualTo(new PidFile.HeldBy(other.pid()));
            assertThat(Files.readString(file())).isEqualTo(other.pid() + "\n");
        } finally {
            other.destroy();
        }
    }

    @Test
    void aDeadProcessesFileIsReplaced() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Files.writeString(file(), gone.pid() + "\n");

        assertThat(PidFile.claim(file())).isInstanceOf(PidFile.Claimed.class);
        assertThat(Files.readString(file())).isEqualTo(ProcessHandle.current().pid() + "\n");
    }

    @Test
    void aFileWithoutAPidOrWithOurOwnIsReplaced() throws IOException {
        Files.writeString(file(), "garbage\n");
        assertThat(PidFile.claim(file(), 4242, pid -> true)).isInstanceOf(PidFile.Claimed.class);
        assertThat(Files.readString(file())).isEqualTo("4242\n");

        assertThat(PidFile.claim(file(), 4242, pid -> true)).isInstanceOf(PidFile.Claimed.class);
    }

    @Test
    void releaseLeavesAFileSomeoneElseWroteSince() throws IOException {
        PidFile claimed = ((PidFile.Claimed) PidFile.claim(file(), 4242, pid -> false)).file();
        Files.writeString(file(), "4343\n");

        claimed.release();

        assertThat(Files.readString(file())).isEqualTo("4343\n");
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsAnError() {
        assertThatThrownBy(() -> PidFile.claim(dir.resolve("missing/sockd.pid"))).isInstanceOf(IOException.class);
    }
}
