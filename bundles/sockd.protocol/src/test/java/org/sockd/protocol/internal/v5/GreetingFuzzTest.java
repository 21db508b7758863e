package org.sockd.protocol.internal.v5;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.sockd.protocol.internal.DecoderFuzzing;

/** Coverage-guided: any bytes, in any split, decode to a greeting or wait for more (README "Fuzzing"). */
class GreetingFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void decode(FuzzedDataProvider data) {
        DecoderFuzzing.check(new GreetingDecoder(), data);
    }
}
