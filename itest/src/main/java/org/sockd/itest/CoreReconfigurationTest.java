package org.sockd.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A changed core limit applies to new clients without closing the listeners or the sessions already relaying. */
class CoreReconfigurationTest extends DaemonTest {

    @BeforeEach
    void start() throws Exception {
        registrations.add(Policies.permitAll(context, 0));
        startDaemon("reconfigure", Map.of("max.sessions", 5));
    }

    @Test
    void aLowerSessionCapKeepsTheRelayAndTheListenerAndAppliesToTheNextClient() throws Exception {
        try (Socks5Client.Connection relay = Socks5Client.connect(proxy(), echo.address())) {
            assertEquals(0, relay.reply());
            relay.roundTrip("before".getBytes());

            daemon.reconfigureCore(Map.of("max.sessions", 1));

            relay.roundTrip("after".getBytes());
            try (Socket extra = new Socket()) {
                extra.setSoTimeout(2000);
                extra.connect(proxy(), 2000);
                assertEquals(-1, extra.getInputStream().read(), "the new cap of 1 is reached by the open relay");
            }
            relay.roundTrip("still".getBytes());
        }
    }
}
