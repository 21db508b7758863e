package org.sockd.common.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpTest {

    @ParameterizedTest(name = "{1} {0} {2} is {3}")
    @CsvSource({
        "eq, 23, 23, true", "eq, 24, 23, false",
        "neq, 23, 23, false", "neq, 24, 23, true",
        "lt, 1023, 1024, true", "lt, 1024, 1024, false",
        "gt, 1025, 1024, true", "gt, 1024, 1024, false",
        "le, 1024, 1024, true", "le, 1025, 1024, false",
        "ge, 1024, 1024, true", "ge, 1023, 1024, false"})
    void comparesTheRequestPortWithTheConfiguredOne(String keyword, int actual, int configured, boolean passes) {
        PortTest test = new PortTest.Compare(Op.classic(keyword).orElseThrow(), configured);
        assertThat(test.passes(actual)).isEqualTo(passes);
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(Op.classic("NeQ")).hasValue(Op.NEQ);
        assertThat(Op.classic("equals")).isEmpty();
    }

    @Test
    void danteWordsAreSymbolsNeAndTheClassicKeywordsButNeverClassic() {
        assertThat(Op.dante(">=")).hasValue(Op.GE);
        assertThat(Op.dante("!=")).hasValue(Op.NEQ);
        assertThat(Op.dante("ne")).hasValue(Op.NEQ);
        assertThat(Op.dante("LT")).hasValue(Op.LT);
        assertThat(Op.classic(">=")).isEmpty();
        assertThat(Op.classic("ne")).isEmpty();
    }
}
