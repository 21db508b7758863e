package org.sockd.common.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.reload.LoadResult;

class RuleFileReadTest {

    @TempDir
    Path dir;

    @Test
    void everyByteIsOneCharacterAndAMissingFileIsRefusedInTheClassicWords() throws IOException {
        Path file = Files.write(dir.resolve("sockd.conf"), new byte[] {'a', (byte) 0xE9, (byte) 0xFF});
        assertThat(RuleFileRead.text(file, "config file", text -> new LoadResult.Valid<>(text)))
                .isEqualTo(new LoadResult.Valid<>("a\u00e9\u00ff"));
        Path missing = dir.resolve("missing");
        assertThat(RuleFileRead.bytes(missing, "frozen file", bytes -> new LoadResult.Valid<>(bytes.length)))
                .isInstanceOfSatisfying(LoadResult.Invalid.class, invalid -> assertThat(invalid.errors().get(0))
                        .hasToString(missing + ": Unable to open frozen file (" + missing + "): no such file"));
    }

    @Test
    void aDeviceNamedAsTheRuleFileIsRefusedNotReadForever() {
        Path device = Path.of("/dev/zero");
        assertThat(RuleFileRead.text(device, "config file", text -> new LoadResult.Valid<>(text)))
                .isInstanceOfSatisfying(LoadResult.Invalid.class, invalid -> assertThat(invalid.errors().get(0))
                        .hasToString(device + ": Unable to open config file (" + device + "): not a regular file"));
    }
}
