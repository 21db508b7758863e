package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Only names that need no DNS server: localhost, literals, and the reserved .invalid domain (RFC 6761). */
@Timeout(10)
class ResolverTest {

    private final Resolver resolver = new Resolver(2000);

    @AfterEach
    void close() {
        resolver.close();
    }

    @Test
    void localhostResolvesToLoopback() throws InterruptedException {
        List<InetAddress> addresses = resolver.resolve("localhost");

        assertThat(addresses).isNotEmpty().allSatisfy(address -> assertThat(address.isLoopbackAddress()).isTrue());
    }

    @Test
    void aLiteralResolvesToItself() throws Exception {
        assertThat(resolver.resolve("127.0.0.9")).containsExactly(InetAddress.getByName("127.0.0.9"));
        assertThat(resolver.resolve("::1")).containsExactly(InetAddress.getByName("::1"));
    }

    @Test
    void anInvalidNameResolvesToNothing() throws InterruptedException {
        assertThat(resolver.resolve("no-such-host.invalid")).isEmpty();
    }

    @Test
    void aLookupThatHangsIsAbandonedAtTheDeadline() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch abandoned = new CountDownLatch(1);
        try (Resolver stuck = new Resolver(100, name -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(); // a resolver that never answers
            } catch (InterruptedException e) {
                abandoned.countDown();
            }
            throw new UnknownHostException(name);
        })) {
            assertThat(stuck.resolve("slow.example")).isEmpty();
            assertThat(started.await(10, TimeUnit.SECONDS)).as("the lookup ran").isTrue();
            assertThat(abandoned.await(10, TimeUnit.SECONDS)).as("the hung lookup was interrupted").isTrue();
        }
    }

    @Test
    void aMalformedNameResolvesToNothing() throws InterruptedException {
        assertThat(resolver.resolve("[::1")).isEmpty();
    }

    @Test
    void aConfirmedReverseNameIsGivenAndAnUnknownAddressHasNone() throws Exception {
        try (Resolver resolver = new Resolver(2000)) {
            assertThat(resolver.confirmedNames(InetAddress.getByName("127.0.0.1"))).containsExactly("localhost");
            assertThat(resolver.confirmedNames(InetAddress.getByName("127.0.0.9"))).isEmpty();
        }
    }
}
