package org.sockd.access.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.LoadResult;

/**
 * Coverage-guided: any frozen sockd.fc, whole or as the body of a well-formed frame, is read or
 * refused, never thrown; what reads survives freezing and thawing unchanged, and its dump reads
 * back as the same rules (README "Fuzzing").
 */
class FrozenSockdConfFuzzTest {

    private final ConfParser parser = new ConfParser(Services.parse(List.of("telnet 23/tcp")), message -> { });

    /**
     * The frame's checksum would stop almost every mutation of a whole file, so the fuzzer's bytes
     * are read as the body of a well-formed frame too; read whole, they try the frame's own checks.
     */
    @FuzzTest(maxDuration = "10m")
    void readFrozen(byte[] bytes) {
        for (byte[] file : List.of(FrozenFormat.FRAME.frame(bytes), bytes)) {
            LoadResult<RuleSet> result = SockdConfFuzzTest.read(file);
            assertThat(result).isNotNull();
            if (result instanceof LoadResult.Valid<RuleSet> valid) {
                SockdConfFuzzTest.assertSurvivesFreezing(valid.content());
                assertDumpReadsBackTheSame(valid.content());
            }
        }
    }

    /** Jazzer's finding: a user field of one character was cut as if it began with *=, and threw. */
    @Test
    void aFrozenUserFieldWithoutItsPrefixIsRefused() {
        byte[] found = HexFormat.of().parseHex("000a736f636b642e636f6e660000000200000000000100000000010000000000000000000000000000000000000000000000"
                + "0000000a736f636b642e636f6e6600000000000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
                + "ffffffffffffffffffffffffffffffffffffffffffffffffffff0000000000c6b34c00000000000000000000000000000000"
                + "000000004f5664656e79203f3d49202a000000000000000000003d0000");
        LoadResult<RuleSet> result = SockdConfFuzzTest.read(FrozenFormat.FRAME.frame(found));
        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        assertThat(((LoadResult.Invalid<RuleSet>) result).errors()).singleElement()
                .satisfies(error -> assertThat(error.reason()).endsWith("the user field does not start with *="));
    }

    /** What dump-fc prints can be edited and frozen again: it must read back as the same rules. */
    private void assertDumpReadsBackTheSame(RuleSet thawed) {
        LoadResult<RuleSet> again = parser.parse("dump", CanonicalText.of(thawed, "sockd.fc"));
        assertThat(again).isInstanceOfSatisfying(LoadResult.Valid.class, valid -> assertThat(
                withoutNumbers((RuleSet) valid.content())).isEqualTo(withoutNumbers(thawed)));
    }

    private static List<String> withoutNumbers(RuleSet rules) {
        return CanonicalText.numberedLines(rules).stream().map(line -> line.substring(line.indexOf(": ") + 2)).toList();
    }
}
