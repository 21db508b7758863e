package org.sockd.log.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostNamesTest {

    @Test
    void answersAreKeptUntilTheyExpire() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        HostNames names = new HostNames(a -> "name" + lookups.incrementAndGet(), 50_000_000L);
        InetAddress address = InetAddress.getByName("192.0.2.1");
        assertThat(names.nameOf(address)).isEqualTo("name1");
        assertThat(names.nameOf(address)).isEqualTo("name1");
        Thread.sleep(80);
        assertThat(names.nameOf(address)).isEqualTo("name2");
    }

    @Test
    void loopbackHasAConfirmedName() throws Exception {
        assertThat(HostNames.confirmedName(InetAddress.getByName("127.0.0.1"))).isEqualTo("localhost");
    }
}
