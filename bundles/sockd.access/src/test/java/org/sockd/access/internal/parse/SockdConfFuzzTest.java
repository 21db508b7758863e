package org.sockd.access.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.LoadResult;
import org.sockd.common.testing.FuzzedFile;

/**
 * Coverage-guided: any sockd.conf loads or is refused with errors naming its lines, and what loads
 * survives freezing and thawing unchanged (README "Fuzzing"; frozen files:
 * {@link FrozenSockdConfFuzzTest}).
 */
class SockdConfFuzzTest {

    private final ConfParser parser = new ConfParser(Services.parse(List.of("telnet 23/tcp")), message -> { });

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] file) {
        FuzzedFile.check(file, parser::parse, SockdConfFuzzTest::assertSurvivesFreezing);
    }

    /** Also {@link FrozenSockdConfFuzzTest}'s check of what it thaws. */
    static void assertSurvivesFreezing(RuleSet rules) {
        LoadResult<RuleSet> thawed = read(FrozenWriter.write(rules));
        assertThat(thawed).isInstanceOfSatisfying(LoadResult.Valid.class, valid -> {
            RuleSet again = (RuleSet) valid.content();
            assertThat(again.source()).isEqualTo(rules.source());
            assertThat(CanonicalText.numberedLines(again)).isEqualTo(CanonicalText.numberedLines(rules));
            assertThat(again.identActions()).isEqualTo(rules.identActions());
        });
    }

    static LoadResult<RuleSet> read(byte[] frozen) {
        return new FrozenReader(ConfParser.userFiles(message -> { })).read("sockd.fc", frozen);
    }
}
