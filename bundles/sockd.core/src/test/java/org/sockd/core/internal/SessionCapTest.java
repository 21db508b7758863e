package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.sockd.common.testing.RecordingLogger;

class SessionCapTest {

    private final RecordingLogger log = new RecordingLogger();

    @Test
    void withoutMaxSessionsTheDescriptorsGoTwoASessionAfterTheReserve() {
        assertThat(SessionCap.of(0, OptionalLong.of(1024)).sessions()).isEqualTo(384);
        assertThat(SessionCap.of(0, OptionalLong.of(20_000)).sessions()).isEqualTo(9872);
        assertThat(SessionCap.of(0, OptionalLong.of(256)).sessions()).as("a quarter kept back").isEqualTo(96);
        assertThat(SessionCap.of(0, OptionalLong.of(3)).sessions()).as("never none").isEqualTo(1);
        assertThat(SessionCap.of(0, OptionalLong.of(1L << 40)).sessions()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void maxSessionsWinsAndIsWarnedAboutWhenTheDescriptorsCannotHoldIt() {
        SessionCap cap = SessionCap.of(5000, OptionalLong.of(1024));
        cap.log(log.logger(), 5000);

        assertThat(cap.sessions()).isEqualTo(5000);
        assertThat(log.lines()).containsExactly(new RecordingLogger.Line("warn", "session cap 5000 (max.sessions) is "
                + "more than 1024 descriptors (RLIMIT_NOFILE) allow, 384: clients may be refused for want of "
                + "descriptors before the cap"));
    }

    @Test
    void theCapInForceIsSaidAtStart() {
        SessionCap.of(0, OptionalLong.of(1024)).log(log.logger(), 0);
        SessionCap.of(100, OptionalLong.of(1024)).log(log.logger(), 100);

        assertThat(log.lines()).containsExactly(
                new RecordingLogger.Line("info", "session cap 384, from 1024 descriptors (RLIMIT_NOFILE)"),
                new RecordingLogger.Line("info", "session cap 100 (max.sessions), with 1024 descriptors (RLIMIT_NOFILE)"));
    }

    @Test
    void withoutADescriptorLimitTheCapIsTheOldFixedOne() {
        assertThat(SessionCap.of(0, OptionalLong.empty()).sessions()).isEqualTo(SessionCap.WITHOUT_DESCRIPTOR_LIMIT);
    }

    @Test
    void thisProcessHasADescriptorLimit() {
        assertThat(SessionCap.processDescriptors()).isPresent();
    }

    @Test
    void theSoftLimitIsTheOneReadFromTheLimitsFile() {
        assertThat(SessionCap.descriptorLimit(List.of(
                "Limit                     Soft Limit           Hard Limit           Units     ",
                "Max processes             94444                94444                processes ",
                "Max open files            1024                 524288               files     ",
                "Max locked memory         8388608              8388608              bytes     ")))
                .hasValue(1024);
    }

    @Test
    void anUnlimitedOrMissingLimitIsNone() {
        assertThat(SessionCap.descriptorLimit(List.of("Max open files            unlimited            unlimited            files")))
                .isEmpty();
        assertThat(SessionCap.descriptorLimit(List.of("Max processes             94444                94444                processes")))
                .isEmpty();
    }
}
