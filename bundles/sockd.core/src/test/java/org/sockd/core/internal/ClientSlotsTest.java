package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class ClientSlotsTest {

    private static final InetAddress ONE = address("127.0.0.2");
    private static final InetAddress OTHER = address("127.0.0.3");

    private final ClientSlots slots = new ClientSlots("max.binds", "max.binds.per.client");

    @Test
    void aClientAtItsCapIsRefusedWhileAnotherTakesASlot() {
        ClientSlots.Caps caps = new ClientSlots.Caps(10, 2);
        assertThat(slots.take(ONE, caps)).isEmpty();
        assertThat(slots.take(ONE, caps)).isEmpty();

        assertThat(slots.take(ONE, caps)).contains("max.binds.per.client 2");
        assertThat(slots.take(OTHER, caps)).isEmpty();
        assertThat(slots.taken()).isEqualTo(3);
    }

    @Test
    void theTotalCapRefusesEveryClient() {
        ClientSlots.Caps caps = new ClientSlots.Caps(2, 0);
        slots.take(ONE, caps);
        slots.take(OTHER, caps);

        assertThat(slots.take(address("127.0.0.4"), caps)).contains("max.binds 2");
    }

    @Test
    void aReleasedSlotCanBeTakenAgain() {
        ClientSlots.Caps caps = new ClientSlots.Caps(1, 1);
        slots.take(ONE, caps);
        slots.release(ONE);

        assertThat(slots.take(OTHER, caps)).isEmpty();
        assertThat(slots.taken()).isEqualTo(1);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void zeroMeansNoCap() {
        ClientSlots.Caps none = new ClientSlots.Caps(0, 0);
        for (int i = 0; i < 1000; i++) {
            assertThat(slots.take(ONE, none)).isEmpty();
        }
    }
}
