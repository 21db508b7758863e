package org.sockd.action.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.lang.annotation.Annotation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void theDefaultsComeFromTheConfigAnnotation() throws Exception {
        ShellActionRunner.Config defaults = config(30, 8, 256);
        assertThat(ShellActionRunner.Config.class.getMethod("timeout_seconds").getDefaultValue()).isEqualTo(30);
        assertThat(ShellActionRunner.Config.class.getMethod("max_concurrent").getDefaultValue()).isEqualTo(8);
        assertThat(ShellActionRunner.Config.class.getMethod("queue_size").getDefaultValue()).isEqualTo(256);
        assertThat(Limits.of(defaults)).isEqualTo(new Limits(Duration.ofSeconds(30), 8, 256));
    }

    @Test
    void aLimitBelowOneNamesTheProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.of(config(0, 8, 256))).withMessageContaining("timeout.seconds");
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.of(config(30, 0, 256))).withMessageContaining("max.concurrent");
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.of(config(30, 8, -1))).withMessageContaining("queue.size");
    }

    private static ShellActionRunner.Config config(int timeout, int maxConcurrent, int queueSize) {
        return new ShellActionRunner.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ShellActionRunner.Config.class;
            }

            @Override
            public int timeout_seconds() {
                return timeout;
            }

            @Override
            public int max_concurrent() {
                return maxConcurrent;
            }

            @Override
            public int queue_size() {
                return queueSize;
            }
        };
    }
}
