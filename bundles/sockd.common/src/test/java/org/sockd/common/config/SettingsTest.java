package org.sockd.common.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void aPositiveValuePasses() {
        assertThatCode(() -> Settings.requirePositive("sockd.x", "period.ms", 1)).doesNotThrowAnyException();
        assertThatCode(() -> Settings.requirePositive("sockd.x", "period.ms", Long.MAX_VALUE)).doesNotThrowAnyException();
    }

    @Test
    void zeroOrLessIsRefusedNamingComponentPropertyAndValue() {
        assertThatThrownBy(() -> Settings.requirePositive("sockd.x", "period.ms", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sockd.x: period.ms must be greater than 0, not 0");
        assertThatThrownBy(() -> Settings.requirePositive("sockd.x", "max.clients", -3))
                .hasMessage("sockd.x: max.clients must be greater than 0, not -3");
    }
}
