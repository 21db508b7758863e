package org.sockd.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the cache recalls, for how long, for how many users, and what makes it forget. */
class LoginCacheTest {

    private static final Duration TTL = Duration.ofMinutes(15);

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Users users = Users.of("passwd", List.of(Fixtures.entry("alice", "a"), Fixtures.entry("bob", "b"),
            Fixtures.entry("carol", "c")), new SecureRandom());
    private final LoginCache cache = new LoginCache(TTL, 2, clock::get);

    @Test
    void onlyTheSameNameAndPasswordAreRecalled() {
        remember(users, "alice", "a");

        assertThat(recalls(users, "alice", "a")).isTrue();
        assertThat(recalls(users, "alice", "A")).isFalse();
        assertThat(recalls(users, "alice", "a\0")).isFalse();
        assertThat(recalls(users, "bob", "a")).isFalse();
    }

    @Test
    void nameAndPasswordAreFramedSoThatTheirBoundaryCounts() {
        assertThat(cache.digest(bytes("ab"), bytes("c"))).isNotEqualTo(cache.digest(bytes("a"), bytes("bc")));
        assertThat(cache.digest(bytes("a"), bytes("bc"))).isEqualTo(cache.digest(bytes("a"), bytes("bc")));
    }

    @Test
    void theDigestIsKeyedPerCacheSoItMeansNothingElsewhere() {
        LoginCache other = new LoginCache(TTL, 2, clock::get);
        assertThat(other.digest(bytes("alice"), bytes("a"))).isNotEqualTo(cache.digest(bytes("alice"), bytes("a")));
    }

    @Test
    void aLoginIsRecalledUntilItsTimeToLiveHasPassed() {
        remember(users, "alice", "a");
        clock.addAndGet(TTL.toNanos() - 1);
        assertThat(recalls(users, "alice", "a")).isTrue();

        clock.addAndGet(1);
        assertThat(recalls(users, "alice", "a")).isFalse();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theUserRememberedLongestAgoIsForgottenFirst() {
        remember(users, "alice", "a");
        remember(users, "bob", "b");
        remember(users, "alice", "a"); // remembered again: now the youngest
        remember(users, "carol", "c");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(recalls(users, "bob", "b")).isFalse();
        assertThat(recalls(users, "alice", "a")).isTrue();
        assertThat(recalls(users, "carol", "c")).isTrue();
    }

    @Test
    void aReloadedFileDropsTheUsersRemovedOrChangedAndKeepsTheOthers() {
        remember(users, "alice", "a");
        remember(users, "bob", "b");
        Users reloaded = Users.of("passwd", List.of(users.find("alice").orElseThrow(), Fixtures.entry("bob", "b")),
                new SecureRandom());

        assertThat(recalls(reloaded, "alice", "a")).isTrue();
        assertThat(cache.size()).as("bob's line changed (a new salt), so he went").isEqualTo(1);
        assertThat(recalls(reloaded, "bob", "b")).isFalse();

        Users withoutAlice = Users.of("passwd", List.of(Fixtures.entry("bob", "b")), new SecureRandom());
        assertThat(recalls(withoutAlice, "alice", "a")).isFalse();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTimeToLiveOfZeroRemembersNothing() {
        LoginCache off = new LoginCache(Duration.ZERO, 2, clock::get);
        off.remember(users, "alice", bytes("alice"), bytes("a"));

        assertThat(off.recalls(users, "alice", bytes("alice"), bytes("a"))).isFalse();
        assertThat(off.size()).isZero();
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThatThrownBy(() -> new LoginCache(Duration.ofSeconds(-1), 1, clock::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginCache(TTL, 0, clock::get)).isInstanceOf(IllegalArgumentException.class);
    }

    private void remember(Users file, String user, String password) {
        cache.remember(file, user, bytes(user), bytes(password));
    }

    private boolean recalls(Users file, String user, String password) {
        return cache.recalls(file, user, bytes(user), bytes(password));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
