package org.sockd.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sockd.api.admin.SessionRegistry;
import org.sockd.api.admin.SessionSnapshot;
import org.sockd.api.log.EndReason;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.log.SessionListener;

/**
 * Every listener hears why a granted session ended, after how long and to which address it was
 * connected, after the events that say what it moved; a live session shows that address too.
 */
class SessionEndTest extends DaemonTest {

    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void start() throws Exception {
        registrations.add(context.registerService(SessionListener.class, events, null));
        registrations.add(Policies.permitAll(context, 0));
        startDaemon("ends", Map.of("idle.timeout.s", 7200));
    }

    @Test
    void aClientThatClosesEndsItsSessionAsClientClosedAfterTheByteCounts() throws Exception {
        try (Socks5Client.Connection relay = Socks5Client.connect(proxy(), echo.address())) {
            assertEquals(0, relay.reply());
            relay.roundTrip(new byte[1000]);
        }

        SessionEvent.Ended ended = events.await(SessionEvent.Ended.class, echo.address().getPort());
        assertEquals(EndReason.CLIENT_CLOSED, ended.reason());
        assertEquals(echo.address(), ended.connected());
        assertFalse(ended.duration().isNegative());
        SessionEvent.Terminated terminated = events.await(SessionEvent.Terminated.class, echo.address().getPort());
        assertEquals(1000, terminated.bytesFromClient());
    }

    @Test
    void aKilledSessionEndsAsKilledAndShowedItsAddressWhileLive() throws Exception {
        SessionRegistry registry = daemon.sessions().orElseThrow();
        try (Socks5Client.Connection relay = Socks5Client.connect(proxy(), echo.address())) {
            assertEquals(0, relay.reply());
            relay.roundTrip(new byte[10]);
            SessionSnapshot live = Poll.until(() -> registry.sessions().stream()
                    .filter(session -> echo.address().equals(session.connected())).findFirst().orElse(null),
                    Poll.PATIENCE, () -> "the session to show its address in " + registry.sessions());

            assertTrue(registry.close(live.id()));

            SessionEvent.Ended ended = events.await(SessionEvent.Ended.class, echo.address().getPort());
            assertEquals(EndReason.KILLED, ended.reason());
            assertEquals(live.id(), ended.session().id());
        }
    }

    @Test
    void aSessionLeftIdleEndsAsIdleTimeout() throws Exception {
        daemon.reconfigureCore(Map.of("idle.timeout.s", 1));
        try (Socks5Client.Connection relay = Socks5Client.connect(proxy(), echo.address())) {
            assertEquals(0, relay.reply());
            relay.roundTrip(new byte[10]);

            SessionEvent.Ended ended = events.await(SessionEvent.Ended.class, echo.address().getPort());
            assertEquals(EndReason.IDLE_TIMEOUT, ended.reason());
        }
    }

    @Test
    void aPolicyThatAsksForItEndsTheLiveSessionsItRefusesAsRevalidated() throws Exception {
        try (Socks5Client.Connection relay = Socks5Client.connect(proxy(), echo.address())) {
            assertEquals(0, relay.reply());
            relay.roundTrip(new byte[10]);

            registrations.add(Policies.denyAllRevalidating(context, 10));

            SessionEvent.Ended ended = events.await(SessionEvent.Ended.class, echo.address().getPort());
            assertEquals(EndReason.REVALIDATED, ended.reason());
            assertEquals("refused by itest:1: deny all", ended.detail());
        }
    }
}
