package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockd.api.ClientInfo;
import org.sockd.api.auth.Authenticator;

class CountedAuthenticatorTest {

    @Test
    void aRejectedLoginIsCountedAsAnAuthenticationFailureAndTheSessionAsRefused() throws Exception {
        Tally tally = new Tally();
        Events events = new Events(List.of(), tally);
        Authenticator counted = CountedAuthenticator.all(List.of(Unavailable.AUTHENTICATOR), events).getFirst();
        ClientInfo client = new ClientInfo(new InetSocketAddress("127.0.0.1", 40000), new InetSocketAddress("127.0.0.1", 1080));

        counted.authenticate(new ByteArrayInputStream(new byte[] {1, 1, 'a', 1, 'b'}), new ByteArrayOutputStream(), client);
        events.spoke(5);
        events.sessionEnded();

        var snapshot = tally.snapshot("test", Instant.EPOCH, new Sessions(), false);
        assertThat(snapshot.authFailures()).isEqualTo(1);
        assertThat(snapshot.sessions()).extracting(c -> c.version() + " " + c.command() + " " + c.result())
                .containsExactly("5 unknown refused");
    }
}
