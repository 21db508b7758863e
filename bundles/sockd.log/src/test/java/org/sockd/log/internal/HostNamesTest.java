package org.sockd.log.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HostNamesTest {

    @Test
    void answersAreKeptUntilTheyExpire() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        AtomicLong now = new AtomicLong(-5); // nanoTime may be negative, and wraps: only differences count
        HostNames names = new HostNames(a -> "name" + lookups.incrementAndGet(), 50, now::get);
        InetAddress address = InetAddress.getByName("192.0.2.1");
        assertThat(names.nameOf(address)).isEqualTo("name1");
        now.addAndGet(49);
        assertThat(names.nameOf(address)).isEqualTo("name1");
        now.addAndGet(1);
        assertThat(names.nameOf(address)).isEqualTo("name2");
        assertThat(names.nameOf(address)).isEqualTo("name2");
    }

    @Test
    void loopbackHasAConfirmedName() throws Exception {
        assertThat(HostNames.confirmedName(InetAddress.getByName("127.0.0.1"))).isEqualTo("localhost");
    }
}
