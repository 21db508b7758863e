package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Await;

/** What the process does with the socket it inherits, with real loopback sockets in place of inetd's. */
class InheritedChannelListenerTest {

    private static final long WAIT_MILLIS = 3000;

    private final BlockingQueue<SocketChannel> dispatched = new ArrayBlockingQueue<>(4);
    private final BlockingQueue<Integer> exits = new ArrayBlockingQueue<>(4);
    private final BlockingQueue<ServerSocketChannel> listened = new ArrayBlockingQueue<>(4);
    private final AtomicInteger closedListeners = new AtomicInteger();
    private final SessionDispatcher dispatcher = (client, terms) -> dispatched.add(client);

    @Test
    void aConnectedClientIsDispatchedAndTheProcessExitsZeroOnlyWhenItsSessionHasClosedIt() throws Exception {
        try (Loopback loopback = new Loopback()) {
            Loopback.Pair inetd = loopback.pair();
            InheritedChannelListener inherited = start(inetd.proxy(), () -> { });

            SocketChannel served = dispatched.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            assertThat(served).isSameAs(inetd.proxy());
            assertThat(served.getOption(StandardSocketOptions.TCP_NODELAY)).isTrue();
            assertThat(exits.poll(200, TimeUnit.MILLISECONDS)).as("exit while the session still runs").isNull();

            served.close(); // what the session does at its end
            assertThat(exits.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isZero();
            inherited.deactivate();
        }
    }

    @Test
    void theClientWaitsUntilTheDaemonIsReady() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch ready = new CountDownLatch(1);
        try (Loopback loopback = new Loopback()) {
            InheritedChannelListener inherited = start(loopback.pair().proxy(), () -> {
                asked.countDown();
                ready.await();
            });

            assertThat(asked.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)).as("asked whether ready").isTrue();
            assertThat(dispatched).as("dispatched before ready").isEmpty();
            ready.countDown();
            assertThat(dispatched.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isNotNull();
            inherited.deactivate();
        }
    }

    @Test
    void stoppingBeforeTheDaemonIsReadyNeitherServesNorExits() throws Exception {
        try (Loopback loopback = new Loopback()) {
            InheritedChannelListener inherited = start(loopback.pair().proxy(), new CountDownLatch(1)::await);

            inherited.deactivate();

            assertThat(dispatched.poll(200, TimeUnit.MILLISECONDS)).isNull();
            assertThat(exits).isEmpty();
        }
    }

    @Test
    void aListeningSocketIsServedByAListenerOnceTheDaemonIsReady() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch ready = new CountDownLatch(1);
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            InheritedChannelListener inherited = start(server, () -> {
                asked.countDown();
                ready.await();
            });

            assertThat(asked.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)).as("asked whether ready").isTrue();
            assertThat(listened).as("listening before ready").isEmpty();
            ready.countDown();
            assertThat(listened.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isSameAs(server);
            assertThat(exits).isEmpty();
            inherited.deactivate();
            // by deactivate, or by the worker if it had not handed the listener over yet
            Await.until(() -> closedListeners.get() > 0, "the listener to be closed when the daemon stops");
            assertThat(closedListeners).hasValue(1);
        }
    }

    @Test
    void aPipeIsNotServed() throws Exception {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            assertNothingServed(source);
        }
    }

    @Test
    void aConnectedUnixDomainSocketIsNotServed(@TempDir Path dir) throws Exception {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("s"));
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address);
                SocketChannel client = SocketChannel.open(address);
                SocketChannel accepted = server.accept()) {
            assertNothingServed(accepted);
            assertNothingServed(server);
        } finally {
            Files.deleteIfExists(address.getPath());
        }
    }

    @Test
    void noInheritedChannelIsNotServed() throws Exception {
        assertNothingServed(null);
    }

    @Test
    void aClientClosedBeforeThisStartMeansItWasServedAndTheProcessExitsZero() throws Exception {
        try (Loopback loopback = new Loopback()) {
            SocketChannel served = loopback.pair().proxy();
            served.close(); // by the core, as it stopped under an earlier start of this component

            InheritedChannelListener inherited = start(served, () -> { });

            assertThat(exits.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isZero();
            assertThat(dispatched).isEmpty();
            inherited.deactivate();
        }
    }

    @Test
    void aListeningSocketClosedBeforeThisStartIsNotServed() throws Exception {
        ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        server.close();

        assertNothingServed(server);
    }

    @Test
    void aClientThatComesWhileTheCoreRestartsWaitsForTheNewCore() throws Exception {
        try (Loopback loopback = new Loopback()) {
            // the client is handed on only once the old core has gone, as when it arrives mid-restart
            CountDownLatch oldCoreGone = new CountDownLatch(1);
            InheritedChannelListener inherited = new InheritedChannelListener(loopback.pair().proxy(),
                    oldCoreGone::await, (server, core) -> () -> { }, exits::add);
            SessionDispatcher old = (client, terms) -> { throw new AssertionError("the old core is gone"); };
            inherited.setCore(old);
            inherited.unsetCore(old);
            oldCoreGone.countDown();

            assertThat(dispatched.poll(200, TimeUnit.MILLISECONDS)).isNull();
            inherited.setCore(dispatcher);
            assertThat(dispatched.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isNotNull();
            inherited.deactivate();
        }
    }

    private void assertNothingServed(Channel channel) throws Exception {
        InheritedChannelListener inherited = start(channel, () -> { });
        assertThat(dispatched.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(listened).isEmpty();
        assertThat(exits).isEmpty();
        inherited.deactivate();
    }

    private InheritedChannelListener start(Channel channel, InheritedChannelListener.Readiness readiness)
            throws IOException {
        InheritedChannelListener inherited = new InheritedChannelListener(channel, readiness, (server, core) -> {
            listened.add(server);
            return closedListeners::incrementAndGet;
        }, exits::add);
        inherited.setCore(dispatcher); // what SCR does once the component is made
        return inherited;
    }
}
