package org.sockd.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.reload.LoadResult;

/**
 * Coverage-guided: any frozen socks.conf, whole or as the body of a well-formed frame, is read or
 * refused, never thrown, and what reads survives freezing and thawing unchanged (README "Fuzzing").
 */
class FrozenSocksConfFuzzTest {

    @TempDir
    Path dir;

    /**
     * The frame's checksum would stop almost every mutation of a whole file, so the fuzzer's bytes
     * are read as the body of a well-formed frame too; read whole, they try the frame's own checks.
     */
    @FuzzTest(maxDuration = "10m")
    void readFrozen(byte[] bytes) {
        for (byte[] file : List.of(FrozenSocksConf.FRAME.frame(bytes), bytes)) {
            LoadResult<SocksTable> result = SocksConfFuzzTest.readFrozenFile(dir, file);
            assertThat(result).isNotNull();
            if (result instanceof LoadResult.Valid<SocksTable> valid) {
                SocksConfFuzzTest.assertSurvivesFreezing(dir, valid.content());
            }
        }
    }
}
