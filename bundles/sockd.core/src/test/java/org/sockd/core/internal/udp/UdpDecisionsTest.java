package org.sockd.core.internal.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sockd.api.Endpoint;

class UdpDecisionsTest {

    private final List<Endpoint> asked = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(-42); // System.nanoTime() may be negative

    private UdpGate.Verdict send(Endpoint destination) {
        asked.add(destination);
        return new UdpGate.Verdict.Send(new InetSocketAddress(InetAddress.getLoopbackAddress(), destination.port()), null);
    }

    @Test
    void aDestinationIsDecidedOncePerLifetime() throws Exception {
        UdpDecisions decisions = decisions(this::send, 60_000);
        Endpoint destination = Endpoint.ofName("localhost", 53);

        UdpGate.Verdict first = decisions.decide(destination);
        for (int i = 0; i < 100; i++) {
            assertThat(decisions.decide(destination)).isSameAs(first);
        }

        assertThat(asked).containsExactly(destination);
    }

    @Test
    void afterItsLifetimeTheGateIsAskedAgain() throws Exception {
        UdpDecisions decisions = decisions(this::send, 50);
        Endpoint destination = Endpoint.ofName("localhost", 53);

        decisions.decide(destination);
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(49));
        decisions.decide(destination);
        assertThat(asked).as("within the lifetime").containsExactly(destination);
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        decisions.decide(destination);

        assertThat(asked).containsExactly(destination, destination);
    }

    @Test
    void aLifetimeOfZeroAsksForEveryDatagram() throws Exception {
        UdpDecisions decisions = decisions(this::send, 0);
        Endpoint destination = Endpoint.ofName("localhost", 53);

        for (int i = 0; i < 3; i++) {
            decisions.decide(destination);
        }

        assertThat(asked).hasSize(3);
    }

    @Test
    void theLeastRecentlyUsedDestinationIsForgottenPastTheCapacity() throws Exception {
        UdpDecisions decisions = decisions(this::send, 60_000);
        Endpoint kept = Endpoint.ofName("kept", 1);
        decisions.decide(kept);
        for (int port = 2; port <= UdpDecisions.CAPACITY; port++) {
            decisions.decide(Endpoint.ofName("filler", port));
        }
        decisions.decide(kept);
        Endpoint first = Endpoint.ofName("filler", 2);

        decisions.decide(Endpoint.ofName("one more", 1));
        asked.clear();
        decisions.decide(kept);
        decisions.decide(first);

        assertThat(asked).containsExactly(first);
    }

    @Test
    void aGateThatFailsOrAnswersNothingDrops() throws Exception {
        UdpDecisions failing = decisions(destination -> {
            throw new IllegalStateException("policy bundle stopped");
        }, 60_000);
        UdpDecisions silent = decisions(destination -> null, 60_000);

        assertThat(failing.decide(Endpoint.ofName("a", 1))).isInstanceOfSatisfying(UdpGate.Verdict.Drop.class,
                drop -> assertThat(drop.reason()).contains("policy bundle stopped"));
        assertThat(silent.decide(Endpoint.ofName("a", 1))).isInstanceOf(UdpGate.Verdict.Drop.class);
    }

    private UdpDecisions decisions(UdpGate gate, int lifetimeMillis) {
        return new UdpDecisions(gate, lifetimeMillis, nanos::get);
    }
}
