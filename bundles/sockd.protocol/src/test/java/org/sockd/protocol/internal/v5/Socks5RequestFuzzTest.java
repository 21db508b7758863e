package org.sockd.protocol.internal.v5;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.sockd.protocol.internal.DecoderFuzzing;

/** Coverage-guided: any bytes, in any split, decode to a request or a reply code (README "Fuzzing"). */
class Socks5RequestFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void decode(FuzzedDataProvider data) {
        DecoderFuzzing.check(new Socks5RequestDecoder(), data);
    }
}
