package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.sockd.common.testing.Await;

/** Clients of an inherited socket while the core comes and goes, with real loopback connections. */
class InheritedCoreTest {

    private final BlockingQueue<SocketChannel> first = new ArrayBlockingQueue<>(4);
    private final BlockingQueue<SocketChannel> second = new ArrayBlockingQueue<>(4);

    @Test
    void aClientGoesToTheCoreInPlace() throws Exception {
        InheritedCore core = new InheritedCore(Duration.ofSeconds(3));
        core.set((channel, terms) -> first.add(channel));
        try (Loopback loopback = new Loopback()) {
            SocketChannel client = loopback.pair().proxy();

            core.dispatch(client, ListenerTerms.PLAIN);

            assertThat(first).containsExactly(client);
        }
    }

    @Test
    void aClientWaitsWhileNoCoreIsThereAndGoesToTheNextOne() throws Exception {
        InheritedCore core = new InheritedCore(Duration.ofSeconds(3));
        SessionDispatcher old = (channel, terms) -> first.add(channel);
        core.set(old);
        core.clear(old);
        try (Loopback loopback = new Loopback()) {
            SocketChannel client = loopback.pair().proxy();
            Thread waiting = Thread.ofPlatform().start(() -> core.dispatch(client, ListenerTerms.PLAIN));
            Await.until(() -> waiting.getState() == Thread.State.TIMED_WAITING, "the client to wait for a core");

            core.set((channel, terms) -> second.add(channel));

            waiting.join(Await.PATIENCE);
            assertThat(first).isEmpty();
            assertThat(second).containsExactly(client);
        }
    }

    @Test
    void clearingACoreThatIsNoLongerInPlaceKeepsTheNewOne() throws Exception {
        InheritedCore core = new InheritedCore(Duration.ofMillis(100));
        SessionDispatcher old = (channel, terms) -> first.add(channel);
        core.set(old);
        core.set((channel, terms) -> second.add(channel)); // SCR binds the better one before it unbinds the old one
        core.clear(old);
        try (Loopback loopback = new Loopback()) {
            core.dispatch(loopback.pair().proxy(), ListenerTerms.PLAIN);

            assertThat(second).hasSize(1);
        }
    }

    @Test
    void aClientForWhichNoCoreComesInTimeIsClosed() throws Exception {
        InheritedCore core = new InheritedCore(Duration.ofMillis(100));
        try (Loopback loopback = new Loopback()) {
            Loopback.Pair pair = loopback.pair();

            core.dispatch(pair.proxy(), ListenerTerms.PLAIN);

            assertThat(pair.proxy().isOpen()).isFalse();
            assertThat(Loopback.atEnd(pair.peer())).as("the client sees its connection end").isTrue();
        }
    }
}
