package org.sockd.route.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockd.common.reload.LoadResult;

/**
 * Coverage-guided: any frozen sockd.fr, whole or as the body of a well-formed frame, is read or
 * refused, never thrown, and what reads survives freezing, thawing and dumping unchanged (README
 * "Fuzzing").
 */
class FrozenRouteFileFuzzTest {

    /**
     * The frame's checksum would stop almost every mutation of a whole file, so the fuzzer's bytes
     * are read as the body of a well-formed frame too; read whole, they try the frame's own checks.
     */
    @FuzzTest(maxDuration = "10m")
    void readFrozen(byte[] bytes) {
        for (byte[] file : List.of(FrozenRouteFormat.FRAME.frame(bytes), bytes)) {
            LoadResult<RouteTable> result = FrozenRouteReader.read("sockd.fr", file);
            assertThat(result).isNotNull();
            if (result instanceof LoadResult.Valid<RouteTable> valid) {
                RouteFileFuzzTest.assertSurvivesFreezing(valid.content());
            }
        }
    }

    /** Jazzer's finding: a line break in the text file's name broke the dump's comment line in two. */
    @Test
    void aFrozenFileWhoseTextFileNameHoldsALineBreakIsRefused() {
        byte[] found = HexFormat.of().parseHex("000b73010000000a0000740065000000040000000104810a010200040a00000004ff00000000000002048017100201000c69"
                + "6e7465726e69632e6e657400000003048017100202000c2e4578616d706c652e636f6d0000000410fd000000000100001000"
                + "070000000002001020010db800f8ffffff00000003048017100202000c2e4578616d706c6500000000");
        assertRefusedForItsName(found);
    }

    /** Its second finding, against the first version of the fix, which counted the lines of the name. */
    @Test
    void aFrozenFileWhoseTextFileNameEndsWithALineBreakIsRefused() {
        assertRefusedForItsName(HexFormat.of().parseHex("000800642e001020010d00000000"));
    }

    private static void assertRefusedForItsName(byte[] body) {
        LoadResult<RouteTable> result = FrozenRouteReader.read("sockd.fr", FrozenRouteFormat.FRAME.frame(body));
        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        assertThat(((LoadResult.Invalid<RouteTable>) result).errors()).singleElement()
                .satisfies(error -> assertThat(error.reason()).endsWith("the name of the text file holds a line break"));
    }
}
