package org.sockd.core.internal;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.core.internal.Loopback.atEnd;
import static org.sockd.core.internal.Loopback.random;
import static org.sockd.core.internal.Loopback.readExactly;
import static org.sockd.core.internal.Loopback.reset;
import static org.sockd.core.internal.Loopback.writeAll;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockd.api.log.EndReason;
import org.sockd.common.testing.Await;

/**
 * The relay between two real loopback connections, one to the "client", one to the "target": what
 * every engine must do alike.
 */
@Timeout(10)
abstract class RelayTest {

    private static final int MiB = 1024 * 1024;
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    final Loopback net;
    final ExecutorService peers = Executors.newVirtualThreadPerTaskExecutor();

    RelayTest() throws IOException {
        net = new Loopback();
    }

    /** @return the engine's relay for {@code session} */
    abstract Relay relay(LiveSession session, BufferPool pool);

    /** @return whether every bulk transfer borrows from the pool (else only a sink that lags behind does) */
    abstract boolean borrowsForEveryBurst();

    @AfterEach
    void closeAll() {
        net.close();
        peers.shutdownNow();
    }

    @ParameterizedTest(name = "pool limit {0}")
    @ValueSource(ints = {1, 2, 4096})
    void copiesEveryByteBothWaysAtOnceAndCountsThem(int limit) throws Exception {
        Rig rig = new Rig(new BufferPool(64 * 1024, limit), HOUR);
        byte[] up = random(8 * MiB, 1);
        byte[] down = random(8 * MiB, 2);

        Future<?> clientWrites = peers.submit(() -> sendAndShutdown(rig.client.peer(), up));
        Future<?> targetWrites = peers.submit(() -> sendAndShutdown(rig.target.peer(), down));
        Future<byte[]> targetReads = peers.submit(() -> readExactly(rig.target.peer(), up.length));
        Future<byte[]> clientReads = peers.submit(() -> readExactly(rig.client.peer(), down.length));
        clientWrites.get(4, SECONDS);
        targetWrites.get(4, SECONDS);
        byte[] atTarget = targetReads.get(4, SECONDS);
        byte[] atClient = clientReads.get(4, SECONDS);
        rig.awaitEnd();

        assertThat(Arrays.mismatch(atTarget, up)).as("first wrong byte at the target").isEqualTo(-1);
        assertThat(Arrays.mismatch(atClient, down)).as("first wrong byte at the client").isEqualTo(-1);
        assertThat(atEnd(rig.target.peer())).as("client's end of stream passed on").isTrue();
        assertThat(atEnd(rig.client.peer())).as("target's end of stream passed on").isTrue();
        assertThat(rig.relay.fromClient()).isEqualTo(up.length);
        assertThat(rig.relay.fromTarget()).isEqualTo(down.length);
        if (borrowsForEveryBurst()) {
            // a lent buffer comes back to the pool, so a kept one shows the bulk transfer borrowed
            assertThat(rig.pool.pooled()).as("large buffers lent during the bulk transfer").isPositive();
        }
        assertThat(rig.pool.lent()).as("lent after the relay ended").isZero();
    }

    @Test
    void halfCloseFromTheClientLetsTheTargetFinishSending() throws Exception {
        Rig rig = new Rig(new BufferPool(64 * 1024, 16), HOUR);
        byte[] request = random(1000, 3);
        byte[] response = random(MiB, 4);

        sendAndShutdown(rig.client.peer(), request);
        assertThat(readExactly(rig.target.peer(), request.length)).isEqualTo(request);
        assertThat(atEnd(rig.target.peer())).as("target sees the client's end of stream").isTrue();
        assertThat(rig.done).as("relay still running for the other direction").isNotDone();

        Future<?> targetWrites = peers.submit(() -> {
            writeAll(rig.target.peer(), response);
            rig.target.peer().close();
            return null;
        });
        Future<byte[]> clientReads = peers.submit(() -> readExactly(rig.client.peer(), response.length));
        targetWrites.get(4, SECONDS);
        assertThat(Arrays.mismatch(clientReads.get(4, SECONDS), response)).isEqualTo(-1);
        assertThat(atEnd(rig.client.peer())).isTrue();
        rig.awaitEnd();
        assertThat(rig.relay.fromClient()).isEqualTo(request.length);
        assertThat(rig.relay.fromTarget()).isEqualTo(response.length);
        assertThat(rig.session.ending().reason()).as("the client ended first").isEqualTo(EndReason.CLIENT_CLOSED);
    }

    @Test
    void aTargetThatEndsFirstIsTheReason() throws Exception {
        Rig rig = new Rig(new BufferPool(64 * 1024, 16), HOUR);
        sendAndShutdown(rig.target.peer(), "bye".getBytes());
        assertThat(readExactly(rig.client.peer(), 3)).isEqualTo("bye".getBytes());
        assertThat(atEnd(rig.client.peer())).isTrue();
        rig.client.peer().shutdownOutput();

        rig.awaitEnd();
        assertThat(rig.session.ending().reason()).isEqualTo(EndReason.TARGET_CLOSED);
    }

    enum Side { CLIENT, TARGET }

    @ParameterizedTest(name = "{0} resets")
    @EnumSource(Side.class)
    void aResetOnOneSideEndsBothDirections(Side side) throws Exception {
        Rig rig = new Rig(new BufferPool(64 * 1024, 16), HOUR);
        rig.exchangeGreetings();
        Loopback.Pair failing = side == Side.CLIENT ? rig.client : rig.target;
        Loopback.Pair other = side == Side.CLIENT ? rig.target : rig.client;

        reset(failing.peer());

        rig.awaitEnd();
        assertThat(rig.client.proxy().isOpen()).isFalse();
        assertThat(rig.target.proxy().isOpen()).isFalse();
        Future<Boolean> otherSees = peers.submit(() -> {
            try {
                return atEnd(other.peer());
            } catch (IOException e) {
                return true; // a reset is as good as an end of stream here
            }
        });
        assertThat(otherSees.get(2, SECONDS)).as("the other side is closed too").isTrue();
        assertThat(rig.session.ending().reason()).isEqualTo(EndReason.RESET);
    }

    @Test
    void aClientThatWentAwayEndsTheRelayOnceTheTargetSpeaks() throws Exception {
        Rig rig = new Rig(new BufferPool(64 * 1024, 16), HOUR);
        rig.exchangeGreetings();
        rig.client.peer().close();
        assertThat(atEnd(rig.target.peer())).isTrue();

        // a write that fails means the relay closed the target side: what this test waits for
        Await.until(() -> rig.done.isDone() || !wrote(rig.target.peer(), new byte[1024]),
                "the relay to end once the target speaks");
        rig.awaitEnd();
        assertThat(rig.target.proxy().isOpen()).isFalse();
    }

    @Test
    void closingTheSessionEndsAnIdleRelay() throws Exception {
        Rig rig = new Rig(new BufferPool(64 * 1024, 16), HOUR);
        rig.exchangeGreetings();

        rig.session.close();

        rig.awaitEnd();
        assertThat(atEnd(rig.client.peer())).isTrue();
        assertThat(atEnd(rig.target.peer())).isTrue();
    }

    /** Closing makes the relay's reads fail; the cause recorded before, not that failure, is the reason. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = EndReason.class, names = {"KILLED", "SHUTDOWN", "REVALIDATED"})
    void closingForACauseKeepsThatCause(EndReason cause) throws Exception {
        Rig rig = new Rig(new BufferPool(64 * 1024, 16), HOUR);
        rig.exchangeGreetings();

        rig.session.closeFor(cause, "why");

        rig.awaitEnd();
        assertThat(rig.session.ending()).isEqualTo(new LiveSession.End(cause, "why"));
    }

    @Test
    void trafficKeepsTheSessionAliveAndSilenceExpiresIt() throws Exception {
        long idle = TimeUnit.MILLISECONDS.toNanos(300);
        AtomicLong nanos = new AtomicLong();
        Rig rig = new Rig(new BufferPool(64 * 1024, 16), idle, nanos::get);
        Sessions sessions = new Sessions();
        sessions.add(rig.session);

        for (int i = 0; i < 14; i++) { // 700 ms of traffic, one byte each 50 ms
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(50));
            writeAll(rig.client.peer(), new byte[] {(byte) i});
            assertThat(readExactly(rig.target.peer(), 1)).containsExactly((byte) i);
            sessions.sweep(nanos.get());
        }
        assertThat(rig.session.expired()).as("expired while traffic flowed").isFalse();
        sessions.sweep(nanos.addAndGet(idle));
        assertThat(rig.session.expired()).as("expired at the very end of the allowance").isFalse();
        assertThat(rig.done).isNotDone();

        sessions.sweep(nanos.addAndGet(1));

        rig.awaitEnd();
        assertThat(rig.session.expired()).isTrue();
        assertThat(rig.session.ending().reason()).isEqualTo(EndReason.IDLE_TIMEOUT);
        assertThat(rig.session.age()).as("measured by the session's clock").isEqualTo(Duration.ofNanos(nanos.get()));
    }

    @Test
    void anIdleSessionHoldsNoLargeBufferAfterABulkBurst() throws Exception {
        Rig rig = new Rig(new BufferPool(64 * 1024, 16), HOUR);
        burst(rig.client.peer(), rig.target.peer(), random(4 * MiB, 5));
        burst(rig.target.peer(), rig.client.peer(), random(4 * MiB, 6));
        if (borrowsForEveryBurst()) {
            // a buffer that was lent comes back to the pool: proof the bursts borrowed, however briefly
            Await.until(() -> rig.pool.pooled() > 0, "the bursts to borrow");
        }
        // a short tail, so that the last read is not a full one
        burst(rig.client.peer(), rig.target.peer(), random(100, 7));
        burst(rig.target.peer(), rig.client.peer(), random(100, 8));

        Await.until(() -> rig.pool.lent() == 0, "every large buffer to be given back");
        assertThat(rig.done).as("the session is idle, not ended").isNotDone();
    }

    @Test
    void anIdleSessionHoldsNoLargeBufferAfterAReadThatFilledTheBuffer() throws Exception {
        Rig rig = new Rig(new BufferPool(64 * 1024, 16), HOUR);
        burst(rig.client.peer(), rig.target.peer(), random(ThreadRelay.SMALL_BUFFER, 9));

        Await.until(() -> rig.pool.lent() == 0, "every large buffer to be given back");
    }

    @Test
    void aRelayReturnsWhenBothSidesEndAtOnce() throws Exception {
        Rig rig = new Rig(new BufferPool(64 * 1024, 16), HOUR);
        rig.client.peer().shutdownOutput();
        rig.target.peer().shutdownOutput();

        rig.awaitEnd();
        assertThat(rig.relay.fromClient()).isZero();
        assertThat(rig.relay.fromTarget()).isZero();
        assertThat(atEnd(rig.client.peer())).isTrue();
        assertThat(atEnd(rig.target.peer())).isTrue();
    }

    /** Sends {@code data} one way and waits until all of it arrived at the other end. */
    void burst(SocketChannel from, SocketChannel to, byte[] data) throws Exception {
        Future<?> writes = peers.submit(() -> {
            writeAll(from, data);
            return null;
        });
        byte[] received = peers.submit(() -> readExactly(to, data.length)).get(4, SECONDS);
        writes.get(4, SECONDS);
        assertThat(Arrays.mismatch(received, data)).isEqualTo(-1);
    }

    static Void sendAndShutdown(SocketChannel channel, byte[] data) throws IOException {
        writeAll(channel, data);
        channel.shutdownOutput();
        return null;
    }

    /** @return false when the write failed: the relay closed the connection */
    private static boolean wrote(SocketChannel channel, byte[] data) {
        try {
            writeAll(channel, data);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A client and a target connection with a relay running between the proxy's ends. */
    final class Rig {

        final Loopback.Pair client;
        final Loopback.Pair target;
        final BufferPool pool;
        final LiveSession session;
        final Relay relay;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Rig(BufferPool pool, long idleNanos) throws IOException {
            this(pool, idleNanos, System::nanoTime);
        }

        Rig(BufferPool pool, long idleNanos, LongSupplier nanoClock) throws IOException {
            this.client = net.pair();
            this.target = net.pair();
            this.pool = pool;
            this.session = new LiveSession(7, client.proxy(), Long.MAX_VALUE, nanoClock);
            session.relaying(target.proxy(), idleNanos);
            this.relay = relay(session, pool);
            relay.start(client.proxy(), target.proxy(), () -> done.complete(null));
        }

        void exchangeGreetings() throws IOException {
            writeAll(client.peer(), "hello".getBytes());
            assertThat(readExactly(target.peer(), 5)).isEqualTo("hello".getBytes());
            writeAll(target.peer(), "hi".getBytes());
            assertThat(readExactly(client.peer(), 2)).isEqualTo("hi".getBytes());
        }

        void awaitEnd() throws Exception {
            done.get(3, SECONDS);
        }
    }
}
