package org.sockd.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The limits of the core configuration (PID sockd.core) hold: the session cap and the handshake deadline. */
class SessionLimitsTest extends DaemonTest {

    private static final int MAX_SESSIONS = 3;
    private static final int HANDSHAKE_MS = 300;

    @BeforeEach
    void start() throws Exception {
        registrations.add(Policies.permitAll(context, 0));
        startDaemon("limits", Map.of("max.sessions", MAX_SESSIONS, "handshake.timeout.ms", HANDSHAKE_MS));
    }

    @Test
    void clientsBeyondTheCapAreClosedAtOnceAndOthersStillServed() throws Exception {
        List<Socks5Client.Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_SESSIONS; i++) {
                held.add(Socks5Client.connect(proxy(), echo.address()));
                assertEquals(0, held.get(i).reply());
            }
            try (Socket extra = new Socket()) {
                // a daemon that did not close it would leave the read waiting until this fails it
                extra.setSoTimeout(20_000);
                extra.connect(proxy(), 20_000);
                // nothing is sent, so the close arrives as a clean end of stream rather than a reset
                assertEquals(-1, extra.getInputStream().read(), "the daemon closes a client over the cap");
            }
        } finally {
            for (Socks5Client.Connection connection : held) {
                connection.close();
            }
        }
        assertEquals(0, replyWhenRoomAgain(), "once sessions end, new clients are served");
    }

    @Test
    void aClientThatSendsNothingIsClosedAtTheHandshakeDeadline() throws Exception {
        try (Socket silent = new Socket()) {
            // the default deadline is 30 s: a close before 20 s is the configured one's doing
            silent.setSoTimeout(20_000);
            silent.connect(proxy(), 20_000);
            long start = System.nanoTime();
            InputStream in = silent.getInputStream();
            assertEquals(-1, in.read());
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            // a busy machine can only make the close later, never earlier than the deadline
            assertTrue(waitedMillis >= HANDSHAKE_MS - 50,
                    "closed after " + waitedMillis + " ms, deadline " + HANDSHAKE_MS + " ms");
        }
    }

    /** Sessions leave the table shortly after their sockets close: until then, new clients are closed over the cap. */
    private int replyWhenRoomAgain() throws Exception {
        return Poll.until(() -> {
            try (Socks5Client.Connection connection = Socks5Client.connect(proxy(), echo.address())) {
                return connection.reply();
            } catch (IOException closedOverCap) {
                return null;
            }
        }, Poll.PATIENCE, () -> "room for a new session");
    }
}
