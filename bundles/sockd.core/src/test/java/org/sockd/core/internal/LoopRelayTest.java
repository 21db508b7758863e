package org.sockd.core.internal;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.core.internal.Loopback.random;
import static org.sockd.core.internal.Loopback.readExactly;
import static org.sockd.core.internal.Loopback.writeAll;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sockd.api.log.EndReason;
import org.sockd.common.testing.Await;

/** The engine {@code relay.engine = loops}, and what only it has: a loop shared by many sessions. */
class LoopRelayTest extends RelayTest {

    private static final int MiB = 1024 * 1024;
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private final RelayLoop loop = new RelayLoop("test-relay-loop", 64 * 1024);

    LoopRelayTest() throws IOException {
    }

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Override
    Relay relay(LiveSession session, BufferPool pool) {
        return new LoopRelay(session, loop, pool);
    }

    @Override
    boolean borrowsForEveryBurst() {
        return false;
    }

    @Test
    void aTargetThatStopsReadingHoldsOneBufferAndStopsTheClient() throws Exception {
        Rig rig = new Rig(new BufferPool(64 * 1024, 16), HOUR);
        byte[] up = random(16 * MiB, 11);
        Future<?> clientWrites = peers.submit(() -> sendAndShutdown(rig.client.peer(), up));

        // the kernel's buffers fill, the relay keeps what the target did not take and reads no more
        Await.until(() -> rig.pool.lent() == 1, "the relay to keep a rest for the stalled target");
        long stalledAt = rig.relay.fromClient();
        Thread.sleep(200);
        assertThat(rig.relay.fromClient()).as("read from the client while the target takes nothing").isEqualTo(stalledAt);
        assertThat(rig.pool.lent()).as("buffers held for one stalled direction").isEqualTo(1);
        assertThat(clientWrites).as("the client is held back too").isNotDone();

        byte[] atTarget = readExactly(rig.target.peer(), up.length);
        clientWrites.get(4, SECONDS);
        assertThat(Arrays.mismatch(atTarget, up)).as("first wrong byte at the target").isEqualTo(-1);
        Await.until(() -> rig.pool.lent() == 0, "the kept rest to be given back");
    }

    @Test
    void sessionsOnOneLoopDoNotWaitForEachOther() throws Exception {
        BufferPool pool = new BufferPool(64 * 1024, 16);
        Rig stalled = new Rig(pool, HOUR);
        Rig lively = new Rig(pool, HOUR);
        Future<?> flood = peers.submit(() -> sendAndShutdown(stalled.client.peer(), random(16 * MiB, 12)));
        Await.until(() -> pool.lent() == 1, "the first session's target to stall");

        for (int i = 0; i < 100; i++) {
            byte[] ping = random(64, i);
            writeAll(lively.client.peer(), ping);
            assertThat(readExactly(lively.target.peer(), ping.length)).isEqualTo(ping);
            writeAll(lively.target.peer(), ping);
            assertThat(readExactly(lively.client.peer(), ping.length)).isEqualTo(ping);
        }
        assertThat(flood).as("the stalled session is still held back").isNotDone();
    }

    @Test
    void aClosingLoopEndsItsRelaysAsFailures() throws Exception {
        Rig rig = new Rig(new BufferPool(64 * 1024, 16), HOUR);
        rig.exchangeGreetings();

        loop.close();

        rig.awaitEnd();
        assertThat(rig.session.ending().reason()).isEqualTo(EndReason.ERROR);
        assertThat(rig.client.proxy().isOpen()).as("the client connection is closed").isFalse();
    }

    @Test
    void aRelayGivenToAnEndedLoopEndsAtOnce() throws Exception {
        loop.close();

        Rig rig = new Rig(new BufferPool(64 * 1024, 16), HOUR);

        rig.awaitEnd();
        assertThat(rig.session.ending().reason()).isEqualTo(EndReason.ERROR);
    }
}
