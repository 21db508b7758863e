package org.sockd.core.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sockd.api.upstream.Login;

class Socks5LoginTest {

    private static final Login LOGIN = new Login("bob", "s3cret");

    @Test
    void aLoginOffersUsernamePasswordAndSendsTheCredentials() throws IOException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();

        assertThat(Socks5Login.negotiate(Trickle.of(5, 2, 1, 0), sent, LOGIN)).isEmpty();

        assertThat(sent.toByteArray()).containsExactly(5, 1, 2, 1, 3, 'b', 'o', 'b', 6, 's', '3', 'c', 'r', 'e', 't');
    }

    @Test
    void aRejectedLoginFailsWithoutNamingThePassword() throws IOException {
        Optional<String> failure = Socks5Login.negotiate(Trickle.of(5, 2, 1, 1), new ByteArrayOutputStream(), LOGIN);

        assertThat(failure).hasValue("login rejected (status 1)");
        assertThat(failure.get()).doesNotContain("s3cret");
    }

    @Test
    void noAcceptableMethodOrAMethodNotOfferedFails() throws IOException {
        assertThat(Socks5Login.negotiate(Trickle.of(5, 0xFF), new ByteArrayOutputStream(), null))
                .hasValue("no acceptable authentication method");
        assertThat(Socks5Login.negotiate(Trickle.of(5, 2), new ByteArrayOutputStream(), null))
                .hasValue("chose method 2, not offered");
        assertThat(Socks5Login.negotiate(Trickle.of(1, 0), new ByteArrayOutputStream(), null))
                .hasValue("bad method reply version 1");
        assertThat(Socks5Login.negotiate(Trickle.of(5, 2, 5, 0), new ByteArrayOutputStream(), LOGIN))
                .hasValue("bad login reply version 5");
    }

    @Test
    void rfc1929CarriesOneTo255BytesOfEach() {
        assertThat(Socks5Login.fits(LOGIN)).isTrue();
        assertThat(Socks5Login.fits(new Login("", "x"))).isFalse();
        assertThat(Socks5Login.fits(new Login("x", "p".repeat(256)))).isFalse();
    }
}
