package org.sockd.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.reload.LoadResult;

/**
 * Coverage-guided: any frozen socks.conf, whole or as the body of a well-formed frame, is read or
 * refused, never thrown, and what reads survives freezing and thawing unchanged (README "Fuzzing").
 */
class FrozenSocksConfFuzzTest {

    @TempDir
    Path dir;

    /** The frame's checksum would stop almost every mutation, so the fuzzer's bytes are framed as the body too. */
    @FuzzTest(maxDuration = "10m")
    void readFrozen(byte[] body) {
        if (SocksConfFuzzTest.readFrozenFile(dir, FrozenSocksConf.FRAME.frame(body)) instanceof LoadResult.Valid<SocksTable> valid) {
            SocksConfFuzzTest.assertSurvivesFreezing(dir, valid.content());
        }
        assertThat(SocksConfFuzzTest.readFrozenFile(dir, body)).isNotNull();
    }
}
