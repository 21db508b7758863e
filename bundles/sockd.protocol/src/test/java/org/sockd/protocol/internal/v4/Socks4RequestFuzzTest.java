package org.sockd.protocol.internal.v4;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.sockd.protocol.internal.DecoderFuzzing;

/** Coverage-guided: any bytes, in any split, decode to a SOCKS 4 or 4A request or CD 91 (README "Fuzzing"). */
class Socks4RequestFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void decode(FuzzedDataProvider data) {
        DecoderFuzzing.check(new Socks4RequestDecoder(), data);
    }
}
