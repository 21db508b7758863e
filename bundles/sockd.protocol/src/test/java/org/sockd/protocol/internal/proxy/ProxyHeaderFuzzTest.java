package org.sockd.protocol.internal.proxy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.sockd.protocol.internal.DecoderFuzzing;

/** Coverage-guided: any bytes, in any split, decode to a PROXY header or a reason to close (README "Fuzzing"). */
class ProxyHeaderFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void decode(FuzzedDataProvider data) {
        DecoderFuzzing.check(new ProxyHeaderDecoder(), data);
    }
}
