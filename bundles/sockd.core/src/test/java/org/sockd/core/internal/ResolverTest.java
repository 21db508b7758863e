package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
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
    void anInvalidNameResolvesToNothingWithinTheDeadline() throws InterruptedException {
        long start = System.nanoTime();

        List<InetAddress> addresses = resolver.resolve("no-such-host.invalid");

        assertThat(addresses).isEmpty();
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms taken").isLessThan(3000);
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
