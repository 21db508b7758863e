package org.sockd.common.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentCodeTest {

    @Test
    void theClassicCodesAreKnownAndNoOthers() {
        assertThat(PercentCode.known()).isEqualTo("%A %a %c %p %S %s %U %u %Z %z %%");
        assertThat(PercentCode.of('Z')).hasValue(PercentCode.DESTINATION_NAME);
        assertThat(PercentCode.of('x')).isEmpty();
        assertThat(PercentCode.of('%')).hasValue(PercentCode.PERCENT);
    }
}
