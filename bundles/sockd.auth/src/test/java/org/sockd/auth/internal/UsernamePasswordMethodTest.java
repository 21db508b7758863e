package org.sockd.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sockd.api.auth.Authentication;
import org.sockd.common.testing.RecordingLogger;

/** The RFC 1929 exchange: status bytes, results, throttling without key derivation, no secrets out. */
class UsernamePasswordMethodTest {

    private static final byte[] SUCCESS = {1, 0};
    private static final byte[] FAILURE = {1, 1};

    private Users users = Users.of("passwd",
            List.of(Fixtures.entry("alice", "wonderland"), Fixtures.entry("bob", Fixtures.CANARY)), new SecureRandom());
    private final Fixtures.CountingKdf kdf = new Fixtures.CountingKdf();
    private final AtomicLong clock = new AtomicLong();
    private final RecordingLogger log = new RecordingLogger();
    private final InetAddress client = InetAddress.getLoopbackAddress();
    private ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final CheckPool pool = CheckPool.of(4, Duration.ofMillis(20));
    private UsernamePasswordMethod method = method(pool);

    @AfterEach
    void stopThePool() {
        pool.close();
    }

    @Test
    void theRightPasswordIsAnsweredWithSuccess() throws IOException {
        assertThat(login("alice", "wonderland")).isEqualTo(new Authentication.Accepted("alice"));
        assertThat(out.toByteArray()).isEqualTo(SUCCESS);
    }

    @Test
    void thePasswordLeavesOnlyWhenForwardingIsConfiguredAndOnlyForAnAcceptedLogin() throws IOException {
        assertThat(((Authentication.Accepted) login("alice", "wonderland")).password()).as("by default").isNull();

        method = new UsernamePasswordMethod(() -> users, new Verifier(kdf), throttle(Optional.empty()),
                new LoginCache(Duration.ofMinutes(15), 100, clock::get), pool, true);
        Authentication first = login("alice", "wonderland");
        assertThat(first).isEqualTo(new Authentication.Accepted("alice", "wonderland"));
        assertThat(first.toString()).doesNotContain("wonderland");
        assertThat(login("alice", "wonderland")).as("recalled by the login cache")
                .isEqualTo(new Authentication.Accepted("alice", "wonderland"));
        assertThat(login("alice", "wonderlan")).isEqualTo(new Authentication.Rejected("alice", "wrong password"));
    }

    @Test
    void aWrongPasswordIsAnsweredWithFailure() throws IOException {
        assertThat(login("alice", "wonderlan")).isEqualTo(new Authentication.Rejected("alice", "wrong password"));
        assertThat(out.toByteArray()).isEqualTo(FAILURE);
    }

    @Test
    void anUnknownUserIsAnsweredWithFailureAfterTheSameWork() throws IOException {
        assertThat(login("mallory", "wonderland")).isEqualTo(new Authentication.Rejected("mallory", "unknown user"));
        assertThat(out.toByteArray()).isEqualTo(FAILURE);
        assertThat(kdf.derivations()).isEqualTo(1);
    }

    @Test
    void anEmptyUserAndPasswordFail() throws IOException {
        assertThat(login("", "")).isEqualTo(new Authentication.Rejected(null, "unknown user"));
        assertThat(out.toByteArray()).isEqualTo(FAILURE);
    }

    @Test
    void anotherVersionIsAnsweredWithFailureWithoutAnyCheck() throws IOException {
        Authentication result = method.authenticate(new ByteArrayInputStream(new byte[] {2, 5, 'a', 'l', 'i', 'c', 'e'}),
                out, client);
        assertThat(result).isEqualTo(new Authentication.Rejected(null, "username/password version 2 is not 1"));
        assertThat(out.toByteArray()).isEqualTo(FAILURE);
        assertThat(kdf.derivations()).isZero();
    }

    @Test
    void aTruncatedRequestGetsNoAnswer() throws IOException {
        byte[] request = Fixtures.request("alice", "wonderland");
        Authentication result = method.authenticate(new ByteArrayInputStream(request, 0, request.length - 1), out, client);
        assertThat(result).isEqualTo(new Authentication.Rejected(null, "username/password request truncated"));
        assertThat(out.toByteArray()).isEmpty();
        assertThat(kdf.derivations()).isZero();
    }

    @Test
    void aNameThatIsNotUtf8IsUnknownAndShownByteForByte() throws IOException {
        byte[] request = Fixtures.request(new byte[] {'a', (byte) 0xff}, "wonderland".getBytes(StandardCharsets.UTF_8));
        assertThat(method.authenticate(new ByteArrayInputStream(request), out, client))
                .isEqualTo(new Authentication.Rejected("a\u00ff", "unknown user"));
        assertThat(out.toByteArray()).isEqualTo(FAILURE);
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedWithoutKeyDerivation() throws IOException {
        failFiveTimes(client);
        int derivations = kdf.derivations();

        assertThat(login("alice", "wonderland")).isEqualTo(new Authentication.Rejected("alice",
                "too many failed attempts from " + client.getHostAddress()));
        assertThat(out.toByteArray()).isEqualTo(FAILURE);
        assertThat(kdf.derivations()).isEqualTo(derivations);
    }

    @Test
    void theRefusalEndsWhenTheWindowHasPassed() throws IOException {
        failFiveTimes(client);
        clock.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(login("alice", "wonderland")).isEqualTo(new Authentication.Accepted("alice"));
    }

    @Test
    void anotherAddressIsNotRefused() throws IOException {
        failFiveTimes(client);
        assertThat(login(InetAddress.getByName("127.0.0.3"), "alice", "wonderland"))
                .isEqualTo(new Authentication.Accepted("alice"));
    }

    @Test
    void aSuccessStartsTheCountAgain() throws IOException {
        for (int i = 0; i < 4; i++) {
            login("alice", "wrong");
        }
        login("alice", "wonderland");
        for (int i = 0; i < 4; i++) {
            login("alice", "wrong");
        }
        assertThat(login("alice", "wonderland")).isEqualTo(new Authentication.Accepted("alice"));
    }

    @Test
    void reachingTheLimitIsLoggedOnceWithTheEscapedUserName() throws IOException {
        for (int i = 0; i < 7; i++) {
            login("eve\n" + i, "wrong");
        }
        assertThat(log.lines()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo("warn");
            assertThat(line.message()).isEqualTo("too many failed logins from " + client.getHostAddress()
                    + " (the last as user eve\\x0a4): refusing it for a while");
        });
    }

    @Test
    void theWaitForAFreeCheckIsBoundedAndIsNoFailureOfTheClient() throws IOException {
        method = method(new CheckPool(new Semaphore(0), Duration.ofMillis(20), Executors.newSingleThreadExecutor()));
        for (int i = 0; i < 6; i++) {
            out = new ByteArrayOutputStream();
            assertThat(login("alice", "wonderland")).isEqualTo(new Authentication.Rejected("alice",
                    "too many password checks in progress (waited 20 ms)"));
            assertThat(out.toByteArray()).isEqualTo(FAILURE);
        }
        assertThat(kdf.derivations()).isZero();
    }

    @Test
    void aCheckGivesItsPermitBack() throws IOException {
        Semaphore checks = new Semaphore(1);
        method = method(new CheckPool(checks, Duration.ofMillis(20), Executors.newSingleThreadExecutor()));
        login("alice", "wrong");
        login("alice", "wonderland");
        assertThat(checks.availablePermits()).isEqualTo(1);
    }

    @Test
    void thePasswordIsInNoResultAndNoLogLine() throws IOException {
        StringBuilder seen = new StringBuilder();
        seen.append(login("bob", Fixtures.CANARY));
        for (int i = 0; i < 7; i++) {
            seen.append(login("bob", Fixtures.CANARY + "x"));
        }
        log.lines().forEach(seen::append);
        assertThat(seen).contains("Accepted[user=bob]", "wrong password", "too many failed").doesNotContain(Fixtures.CANARY);
    }

    @Test
    void aRememberedLoginCostsNoKeyDerivation() throws IOException {
        assertThat(login("alice", "wonderland")).isEqualTo(new Authentication.Accepted("alice"));
        for (int i = 0; i < 3; i++) {
            assertThat(login("alice", "wonderland")).isEqualTo(new Authentication.Accepted("alice"));
            assertThat(out.toByteArray()).isEqualTo(SUCCESS);
        }
        assertThat(kdf.derivations()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordForARememberedUserCostsAFullCheckAndFails() throws IOException {
        login("alice", "wonderland");

        assertThat(login("alice", "wonderlanD")).isEqualTo(new Authentication.Rejected("alice", "wrong password"));
        assertThat(kdf.derivations()).isEqualTo(2);
        assertThat(login("alice", "wonderland")).isEqualTo(new Authentication.Accepted("alice"));
        assertThat(kdf.derivations()).isEqualTo(2);
    }

    @Test
    void aRememberedLoginIsCheckedInFullAgainOnceItExpires() throws IOException {
        login("alice", "wonderland");
        clock.addAndGet(Duration.ofMinutes(15).minusNanos(1).toNanos());
        login("alice", "wonderland");
        assertThat(kdf.derivations()).isEqualTo(1);

        clock.addAndGet(1);
        assertThat(login("alice", "wonderland")).isEqualTo(new Authentication.Accepted("alice"));
        assertThat(kdf.derivations()).isEqualTo(2);
    }

    @Test
    void aChangedOrRemovedUserIsNotRecalledButAnUnchangedOneIsAfterAReload() throws IOException {
        PasswordEntry bob = Fixtures.entry("bob", Fixtures.CANARY);
        users = Users.of("passwd", List.of(Fixtures.entry("alice", "wonderland"), bob), new SecureRandom());
        login("alice", "wonderland");
        login("bob", Fixtures.CANARY);

        users = Users.of("passwd", List.of(Fixtures.entry("alice", "looking-glass"), bob), new SecureRandom());
        assertThat(login("alice", "wonderland")).isEqualTo(new Authentication.Rejected("alice", "wrong password"));
        assertThat(login("bob", Fixtures.CANARY)).isEqualTo(new Authentication.Accepted("bob"));
        assertThat(kdf.derivations()).isEqualTo(3);

        users = Users.of("passwd", List.of(Fixtures.entry("alice", "looking-glass")), new SecureRandom());
        assertThat(login("bob", Fixtures.CANARY)).isEqualTo(new Authentication.Rejected("bob", "unknown user"));
        assertThat(kdf.derivations()).isEqualTo(4);
    }

    @Test
    void fullChecksRunOnTheirOwnPlatformThreadsNotOnTheSessionsVirtualThread() throws Exception {
        List<Thread> derivedOn = new CopyOnWriteArrayList<>();
        method = new UsernamePasswordMethod(() -> users, new Verifier((password, salt, iterations) -> {
            derivedOn.add(Thread.currentThread());
            return kdf.derive(password, salt, iterations);
        }), throttle(Optional.empty()), new LoginCache(Duration.ZERO, 1, clock::get), pool);

        Thread session = Thread.ofVirtual().start(() -> {
            try {
                login("alice", "wonderland");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        session.join();

        assertThat(derivedOn).singleElement().satisfies(thread -> {
            assertThat(thread.isVirtual()).isFalse();
            assertThat(thread.getName()).startsWith("sockd-passwd-check-");
        });
    }

    @Test
    void afterTooManyFailuresForOneNameFromAnyAddressesThatNameIsRefusedWithoutKeyDerivation() throws Exception {
        method = method(pool, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(login(InetAddress.getByName("127.0.0." + (2 + i)), "alice", "guess " + i))
                    .isEqualTo(new Authentication.Rejected("alice", "wrong password"));
        }
        int derivations = kdf.derivations();

        assertThat(login(InetAddress.getByName("127.0.0.9"), "alice", "wonderland"))
                .isEqualTo(new Authentication.Rejected("alice", "too many failed attempts for this user"));
        assertThat(out.toByteArray()).isEqualTo(FAILURE);
        assertThat(kdf.derivations()).isEqualTo(derivations);
        assertThat(login(InetAddress.getByName("127.0.0.9"), "bob", Fixtures.CANARY))
                .isEqualTo(new Authentication.Accepted("bob"));
        assertThat(log.lines()).singleElement().extracting(RecordingLogger.Line::message).isEqualTo(
                "too many failed logins as user alice (the last from 127.0.0.4): refusing that name for a while");

        clock.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(login(InetAddress.getByName("127.0.0.9"), "alice", "wonderland"))
                .isEqualTo(new Authentication.Accepted("alice"));
    }

    @Test
    void aRefusedNameIsRefusedEvenWithItsRememberedPasswordSoTheCacheTestsNoGuesses() throws Exception {
        method = method(pool, 3);
        login("alice", "wonderland");
        for (int i = 0; i < 3; i++) {
            login(InetAddress.getByName("127.0.0." + (2 + i)), "alice", "guess " + i);
        }

        assertThat(login(InetAddress.getByName("127.0.0.9"), "alice", "wonderland"))
                .isEqualTo(new Authentication.Rejected("alice", "too many failed attempts for this user"));
    }

    @Test
    void aSuccessForgetsTheFailuresOfTheName() throws Exception {
        method = method(pool, 3);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 2; i++) {
                login(InetAddress.getByName("127.0.0." + (2 + i)), "alice", "guess " + i);
            }
            assertThat(login("alice", "wonderland")).isEqualTo(new Authentication.Accepted("alice"));
        }
    }

    private void failFiveTimes(InetAddress from) throws IOException {
        for (int i = 0; i < 5; i++) {
            assertThat(login(from, "alice", "wrong " + i)).isInstanceOf(Authentication.Rejected.class);
        }
        out.reset();
    }

    private Authentication login(String user, String password) throws IOException {
        return login(client, user, password);
    }

    private Authentication login(InetAddress from, String user, String password) throws IOException {
        out.reset();
        return method.authenticate(new ByteArrayInputStream(Fixtures.request(user, password)), out, from);
    }

    private UsernamePasswordMethod method(CheckPool checks) {
        return method(checks, Optional.empty());
    }

    /** With at most {@code userFailures} failures per user name in the window as well. */
    private UsernamePasswordMethod method(CheckPool checks, int userFailures) {
        return method(checks, Optional.of(new FailureThrottle<>(userFailures, Duration.ofSeconds(60), 100, clock::get)));
    }

    private UsernamePasswordMethod method(CheckPool checks, Optional<FailureThrottle<String>> perUser) {
        return new UsernamePasswordMethod(() -> users, new Verifier(kdf), throttle(perUser),
                new LoginCache(Duration.ofMinutes(15), 100, clock::get), checks);
    }

    private LoginThrottle throttle(Optional<FailureThrottle<String>> perUser) {
        return new LoginThrottle(new FailureThrottle<>(5, Duration.ofSeconds(60), 100, clock::get), perUser,
                log.logger());
    }
}
