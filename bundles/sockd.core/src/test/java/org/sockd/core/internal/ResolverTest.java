package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockd.common.testing.Await;
import org.sockd.common.testing.RecordingLogger;

/** Only names that need no DNS server: localhost, literals, and the reserved .invalid domain (RFC 6761). */
@Timeout(10)
class ResolverTest {

    private static final InetAddress CLIENT = InetAddress.getLoopbackAddress();

    private final Resolver resolver = new Resolver(2000);
    private final Lookups lookups = new Lookups();

    /** A forward lookup that records each name it is asked for and knows none. */
    static final class Lookups {
        final List<String> names = new CopyOnWriteArrayList<>();

        InetAddress[] record(String name) throws UnknownHostException {
            names.add(name);
            throw new UnknownHostException(name);
        }
    }

    @AfterEach
    void close() {
        resolver.close();
    }

    @Test
    void localhostResolvesToLoopback() throws InterruptedException {
        Resolver.Answer answer = resolver.destination("localhost", CLIENT);

        assertThat(answer).isInstanceOf(Resolver.Addresses.class);
        assertThat(((Resolver.Addresses) answer).all()).isNotEmpty().allSatisfy(address -> assertThat(address.isLoopbackAddress()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.9", "::1", "0.0.0.0", "2001:db8::7"})
    void aCanonicalLiteralIsItselfWithoutALookup(String literal) throws Exception {
        try (Resolver recording = new Resolver(2000, lookups::record)) {
            assertThat(recording.destination(literal, CLIENT))
                    .isEqualTo(new Resolver.Addresses(List.of(InetAddress.getByName(literal))));
        }
        assertThat(lookups.names).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "2130706433 | ambiguous numeric host",
        "0177.0.0.1 | ambiguous numeric host",
        "0x7f.1 | ambiguous numeric host",
        "0 | ambiguous numeric host",
        "127.1 | ambiguous numeric host",
        "[::1] | bracketed address as host name",
        "[::1 | bracketed address as host name",
        "fe80::1%lo | scoped IPv6 address as host name",
        "a b | host name with a character other than a letter, digit, '-', '_' or '.'",
        "a..b | host name with an empty label",
    })
    void aNameNoRuleCouldPlaceIsRefusedWithoutALookup(String name, String reason) throws Exception {
        try (Resolver recording = new Resolver(2000, lookups::record)) {
            assertThat(recording.destination(name, CLIENT)).isEqualTo(new Resolver.Refused(reason));
        }
        assertThat(lookups.names).isEmpty();
    }

    @Test
    void overlongLabelsAndNamesAreRefusedWithoutALookup() throws Exception {
        try (Resolver recording = new Resolver(2000, lookups::record)) {
            assertThat(recording.destination("a".repeat(64) + ".example", CLIENT))
                    .isEqualTo(new Resolver.Refused("host name with a label over 63 bytes"));
            assertThat(recording.destination("a.".repeat(127) + "a", CLIENT))
                    .isEqualTo(new Resolver.Refused("host name over 253 bytes"));
        }
        assertThat(lookups.names).isEmpty();
    }

    @Test
    void aHostNameIsLookedUpOnceAsSent() throws Exception {
        try (Resolver recording = new Resolver(2000, lookups::record)) {
            assertThat(recording.destination("Host.Example.", CLIENT)).isEqualTo(new Resolver.Addresses(List.of()));
        }
        assertThat(lookups.names).containsExactly("Host.Example.");
    }

    @Test
    void eachKindOfRefusedNameIsNoticedOnceAPeriod() throws Exception {
        RecordingLogger notices = new RecordingLogger();
        AtomicLong nanos = new AtomicLong();
        try (Resolver recording = new Resolver(2000, lookups::record, notices.logger(), nanos::get)) {
            recording.destination("2130706433", CLIENT);
            recording.destination("127.1", CLIENT);
            recording.destination("[::1]", CLIENT);
            nanos.addAndGet(TimeUnit.MINUTES.toNanos(1));
            recording.destination("0x7f.1", CLIENT);
        }
        assertThat(notices.calls()).containsExactly(
                new RecordingLogger.Call("warn", List.of("refused without a lookup, ambiguous numeric host: {}",
                        "2130706433")),
                new RecordingLogger.Call("warn", List.of("refused without a lookup, bracketed address as host name: {}",
                        "[::1]")),
                new RecordingLogger.Call("warn", List.of("refused without a lookup, ambiguous numeric host: {}"
                        + " (1 more since the last warning)", "0x7f.1")));
    }

    @Test
    void anInvalidNameResolvesToNothing() throws InterruptedException {
        assertThat(resolver.destination("no-such-host.invalid", CLIENT)).isEqualTo(new Resolver.Addresses(List.of()));
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
            assertThat(stuck.destination("slow.example", CLIENT)).isEqualTo(new Resolver.Addresses(List.of()));
            assertThat(started.await(10, TimeUnit.SECONDS)).as("the lookup ran").isTrue();
            assertThat(abandoned.await(10, TimeUnit.SECONDS)).as("the hung lookup was interrupted").isTrue();
        }
    }

    @Test
    void aClientWhoseLookupsHangGetsNoPoolThreadMoreUntilTheyEndWhileOthersAreServed() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        Semaphore hanging = new Semaphore(0);
        List<String> asked = new CopyOnWriteArrayList<>();
        InetAddress other = InetAddress.getByName("127.0.0.2");
        try (Resolver slow = new Resolver(100, name -> {
            asked.add(name);
            if (name.startsWith("slow")) {
                hanging.release();
                awaitIgnoringInterrupts(answer); // as the system's resolver, which no interrupt stops
            }
            throw new UnknownHostException(name);
        })) {
            slow.maxPerClient(2);
            Resolver.Answer unresolved = new Resolver.Addresses(List.of());
            // abandoned at the deadline, both still hold a pool thread
            assertThat(slow.destination("slow1.example", CLIENT)).isEqualTo(unresolved);
            assertThat(slow.destination("slow2.example", CLIENT)).isEqualTo(unresolved);
            assertThat(hanging.tryAcquire(2, 10, TimeUnit.SECONDS)).as("both lookups run").isTrue();

            assertThat(slow.destination("slow3.example", CLIENT)).as("waited for a slot, in vain").isEqualTo(unresolved);
            assertThat(slow.destination("other.example", other)).as("another client").isEqualTo(unresolved);
            assertThat(asked).containsExactly("slow1.example", "slow2.example", "other.example");

            answer.countDown();
            Await.until(() -> lookedUpAs(slow, "again.example") != null && asked.contains("again.example"),
                    "the client's lookups to end and free its share");
        }
    }

    @Test
    void aBurstOverTheLimitIsServedInTurnNotRefused() throws Exception {
        try (Resolver resolver = new Resolver(5_000, lookups::record)) {
            resolver.maxPerClient(1);
            List<Thread> burst = new ArrayList<>();
            List<Resolver.Answer> answers = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "burst" + i + ".invalid";
                burst.add(Thread.ofVirtual().start(() -> answers.add(lookedUpAs(resolver, name))));
            }
            for (Thread thread : burst) {
                thread.join();
            }
            assertThat(answers).hasSize(8).containsOnly(new Resolver.Addresses(List.of()));
            assertThat(lookups.names).hasSize(8);
        }
    }

    private static Resolver.Answer lookedUpAs(Resolver resolver, String name) {
        try {
            return resolver.destination(name, CLIENT);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // abandoned by the caller: goes on waiting all the same
            }
        }
    }

    @Test
    void aConfirmedReverseNameIsGivenAndAnUnknownAddressHasNone() throws Exception {
        try (Resolver resolver = new Resolver(2000)) {
            assertThat(resolver.confirmedNames(InetAddress.getByName("127.0.0.1"))).containsExactly("localhost");
            assertThat(resolver.confirmedNames(InetAddress.getByName("127.0.0.9"))).isEmpty();
        }
    }
}
