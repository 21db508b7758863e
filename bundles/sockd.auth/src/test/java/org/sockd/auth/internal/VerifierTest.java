package org.sockd.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sockd.auth.internal.Verifier.Outcome;

/** Right and wrong passwords, unknown users, and the same work whatever the outcome. */
class VerifierTest {

    private final Users users = Users.of("passwd",
            List.of(Fixtures.entry("alice", "wonderland"), Fixtures.entry("bob", "pässwörd")), new SecureRandom());
    private final Fixtures.CountingKdf kdf = new Fixtures.CountingKdf();
    private final List<byte[]> compared = new ArrayList<>();
    private final Verifier verifier = new Verifier(kdf, (derived, stored) -> {
        compared.add(stored.clone());
        return MessageDigest.isEqual(derived, stored);
    });

    @Test
    void theRightPasswordIsAccepted() {
        assertThat(verify("alice", "wonderland")).isEqualTo(Outcome.ACCEPTED);
        assertThat(verify("bob", "pässwörd")).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void aWrongPasswordIsNot() {
        assertThat(verify("alice", "Wonderland")).isEqualTo(Outcome.WRONG_PASSWORD);
        assertThat(verify("alice", "")).isEqualTo(Outcome.WRONG_PASSWORD);
        assertThat(verify("alice", "bob's")).isEqualTo(Outcome.WRONG_PASSWORD);
    }

    @Test
    void anotherUsersPasswordDoesNotCount() {
        assertThat(verify("bob", "wonderland")).isEqualTo(Outcome.WRONG_PASSWORD);
    }

    @Test
    void userNamesCompareExactly() {
        assertThat(verify("alice\0x", "wonderland")).isEqualTo(Outcome.UNKNOWN_USER);
        assertThat(verify("Alice", "wonderland")).isEqualTo(Outcome.UNKNOWN_USER);
        assertThat(verify("alice ", "wonderland")).isEqualTo(Outcome.UNKNOWN_USER);
    }

    @Test
    void anEmptyUserNeverMatches() {
        assertThat(verify("", "")).isEqualTo(Outcome.UNKNOWN_USER);
        assertThat(verify("", "wonderland")).isEqualTo(Outcome.UNKNOWN_USER);
    }

    @Test
    void anUnknownUserCostsOneDerivationAndOneComparisonLikeAKnownOne() {
        verify("alice", "wrong");
        assertThat(kdf.derivations()).isEqualTo(1);
        assertThat(compared).hasSize(1);

        assertThat(verify("mallory", "wonderland")).isEqualTo(Outcome.UNKNOWN_USER);
        assertThat(kdf.derivations()).isEqualTo(2);
        assertThat(compared).hasSize(2);
        // against the stand-in, at the cost the users have
        assertThat(compared.get(1)).isEqualTo(users.unknownUser().hash());
        assertThat(users.unknownUser().iterations()).isEqualTo(Fixtures.ITERATIONS);
    }

    @Test
    void aNameOrPasswordThatIsNotUtf8CostsTheSameAndFails() {
        byte[] notUtf8 = {(byte) 0xff, 'x'};
        assertThat(verifier.verify(users, Optional.empty(), "wonderland".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Outcome.UNKNOWN_USER);
        assertThat(verifier.verify(users, Optional.of("alice"), notUtf8)).isEqualTo(Outcome.WRONG_PASSWORD);
        assertThat(kdf.derivations()).isEqualTo(2);
        assertThat(compared).hasSize(2);
    }

    @Test
    void thePasswordBytesAreLeftForTheCallerToClear() {
        byte[] password = "wonderland".getBytes(StandardCharsets.UTF_8);
        verifier.verify(users, Optional.of("alice"), password);
        assertThat(password).isEqualTo("wonderland".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theStandardVerifierAcceptsAndRefusesWithTheJdkPbkdf2() {
        Verifier standard = new Verifier(Pbkdf2.KDF);
        assertThat(standard.verify(users, Optional.of("alice"), "wonderland".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Outcome.ACCEPTED);
        assertThat(standard.verify(users, Optional.of("alice"), "wonderlanD".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Outcome.WRONG_PASSWORD);
    }

    @Test
    void pbkdf2MatchesAPublishedTestVector() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1, dkLen=64 (first 32 bytes)
        byte[] derived = Pbkdf2.derive("passwd".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 1);
        assertThat(HexFormat.of().formatHex(derived))
                .isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
    }

    private Outcome verify(String user, String password) {
        return verifier.verify(users, Optional.of(user), password.getBytes(StandardCharsets.UTF_8));
    }
}
