package org.sockd.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.log.SessionListener;

/**
 * The core holds its access policy dynamically and greedily: a better-ranked policy decides the
 * next request, sessions already relaying are untouched, and without any policy nothing passes.
 */
class AccessPolicyHotSwapTest extends DaemonTest {

    private static final int REP_SUCCEEDED = 0;
    private static final int REP_NOT_ALLOWED = 2;

    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void start() throws Exception {
        registrations.add(context.registerService(SessionListener.class, events, null));
        startDaemon("hotswap", Map.of());
    }

    @Test
    void aHigherRankedPolicyDecidesTheNextRequest() throws Exception {
        registrations.add(Policies.denyAll(context, 10));
        assertEquals(REP_NOT_ALLOWED, replyTo(echo.address()));

        ServiceRegistration<?> permit = Policies.permitAll(context, 20);
        assertEquals(REP_SUCCEEDED, replyTo(echo.address()));

        permit.unregister();
        assertEquals(REP_NOT_ALLOWED, replyTo(echo.address()), "withdrawing the better policy brings the other back");
    }

    @Test
    void aRelayInFlightKeepsFlowingAcrossTheSwap() throws Exception {
        registrations.add(Policies.permitAll(context, 10));
        try (Socks5Client.Connection relay = Socks5Client.connect(proxy(), echo.address())) {
            assertEquals(REP_SUCCEEDED, relay.reply());
            relay.roundTrip(randomBytes(100_000, 1));

            registrations.add(Policies.denyAll(context, 20));
            assertEquals(REP_NOT_ALLOWED, replyTo(echo.address()), "the new policy decides new requests");

            relay.roundTrip(randomBytes(1_000_000, 2));
        }
    }

    @Test
    void withNoPolicyEveryRequestIsRefusedAndLoggedAsRefused() throws Exception {
        assertEquals(REP_NOT_ALLOWED, replyTo(echo.address()));
        SessionEvent.Refused refused = events.await(SessionEvent.Refused.class, echo.address().getPort());
        assertEquals("no access policy registered", refused.reason());
    }

    private int replyTo(InetSocketAddress target) throws IOException {
        try (Socks5Client.Connection connection = Socks5Client.connect(proxy(), target)) {
            return connection.reply();
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
