package org.sockd.common.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoReasonTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsNoSuchFile() {
        IOException e = catchThrowableOfType(IOException.class, () -> Files.readString(dir.resolve("none")));
        assertThat(IoReason.of(e)).isEqualTo("no such file");
    }

    /** Made by hand: root, who may run the tests, can read any file. */
    @Test
    void anUnreadableFileIsPermissionDenied() {
        assertThat(IoReason.of(new AccessDeniedException(dir.resolve("secret").toString()))).isEqualTo("permission denied");
    }

    @Test
    void anyOtherFailureSaysWhatItsExceptionSays() {
        assertThat(IoReason.of(new IOException("Is a directory"))).isEqualTo("Is a directory");
        assertThat(IoReason.of(new IOException())).isEqualTo("IOException");
    }
}
