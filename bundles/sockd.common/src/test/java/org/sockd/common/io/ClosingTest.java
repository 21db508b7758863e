package org.sockd.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClosingTest {

    @Test
    void closesAndSwallowsTheError() {
        AtomicInteger closed = new AtomicInteger();
        Closeable failing = () -> {
            closed.incrementAndGet();
            throw new IOException("already gone");
        };
        assertThatCode(() -> Closing.quietly(failing)).doesNotThrowAnyException();
        assertThat(closed).hasValue(1);
        assertThatCode(() -> Closing.quietly(null)).doesNotThrowAnyException();
    }
}
