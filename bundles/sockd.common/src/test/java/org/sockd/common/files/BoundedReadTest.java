package org.sockd.common.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Only a regular file of bounded size is read: a FIFO, a device or a directory is refused at once. */
class BoundedReadTest {

    @TempDir
    Path dir;

    @Test
    void aRegularFileUpToTheLimitIsReadWhole() throws IOException {
        Path file = Files.write(dir.resolve("rules"), new byte[] {1, 2, 3});
        assertThat(BoundedRead.regularFile(file, 3)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> BoundedRead.regularFile(file, 2)).isInstanceOf(IOException.class)
                .hasMessage("larger than 2 bytes");
    }

    /** Opening a FIFO for reading would wait for a writer, and with it every reload. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("users");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).as("mkfifo's exit status").isZero();
        assertThatThrownBy(() -> BoundedRead.regularFile(fifo, 1024)).hasMessage("not a regular file");
    }

    @Test
    void aDeviceOrADirectoryIsRefusedAndAMissingFileSaysSo() {
        assertThatThrownBy(() -> BoundedRead.regularFile(Path.of("/dev/zero"), 1024)).hasMessage("not a regular file");
        assertThatThrownBy(() -> BoundedRead.regularFile(dir, 1024)).hasMessage("not a regular file");
        assertThatThrownBy(() -> BoundedRead.regularFile(dir.resolve("missing"), 1024))
                .isInstanceOf(NoSuchFileException.class);
    }
}
