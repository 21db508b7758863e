package org.sockd.common.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Host and zone patterns: the zone itself and the names in it, in any case, and nothing that only ends alike. */
class HostNamesTest {

    @ParameterizedTest(name = "{1} in {0}: {2}")
    @CsvSource({
        ".example.com, example.com, true",
        ".example.com, WWW.Example.COM, true",
        ".example.com, a.b.example.com, true",
        ".example.com, badexample.com, false",
        ".example.com, example.org, false",
        ".example.com, com, false"})
    void aZoneHoldsItselfAndTheNamesBelowIt(String zone, String name, boolean in) {
        assertThat(HostNames.inZone(zone, name)).isEqualTo(in);
    }

    @Test
    void patternsAndNamesHaveTheirOwnForms() {
        assertThat(HostNames.isPattern(".example.com")).isTrue();
        assertThat(HostNames.isPattern("host.example.com.")).isFalse();
        assertThat(HostNames.isName("host.example.com.")).isTrue();
        assertThat(HostNames.isName(".example.com")).isFalse();
        assertThat(HostNames.isName("10.1")).isFalse();
        assertThatThrownBy(() -> HostNames.zone(".")).isInstanceOf(IllegalArgumentException.class);
    }
}
