package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.api.protocol.Refusal;
import org.sockd.common.testing.Await;

/** Connecting to destinations on the loopback interface; 127.0.0.2 is loopback too but nobody listens there. */
@Timeout(10)
class UpstreamTest {

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void aClosedPortIsRefused() throws IOException {
        int port = freePort();

        Upstream.Outcome outcome = Upstream.connect(List.of(ip("127.0.0.1")), port, 2000, null, null);

        assertThat(outcome).isInstanceOfSatisfying(Upstream.Failed.class, failed -> {
            assertThat(failed.refusal()).isEqualTo(Refusal.CONNECTION_REFUSED);
            assertThat(failed.timedOut()).isFalse();
            assertThat(failed.error()).isNotBlank();
        });
    }

    @Test
    void aListeningPortIsConnectedWithNoDelay() throws IOException {
        ServerSocketChannel server = listen();
        int port = port(server);

        Upstream.Outcome outcome = Upstream.connect(List.of(ip("127.0.0.1")), port, 2000, null, null);

        SocketChannel channel = connected(outcome);
        assertThat(channel.isConnected()).isTrue();
        assertThat(channel.isBlocking()).isTrue();
        assertThat(channel.getOption(StandardSocketOptions.TCP_NODELAY)).isTrue();
        assertThat(channel.getRemoteAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", port));
        SocketChannel accepted = server.accept();
        opened.add(accepted);
        assertThat(accepted.getRemoteAddress()).isEqualTo(channel.getLocalAddress());
    }

    @Test
    void aRefusingAddressIsSkippedForTheNextOne() throws IOException {
        ServerSocketChannel server = listen();
        int port = port(server);

        Upstream.Outcome outcome = Upstream.connect(List.of(ip("127.0.0.2"), ip("127.0.0.1")), port, 2000, null, null);

        assertThat(connected(outcome).getRemoteAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", port));
    }

    @Test
    void everyAddressRefusingGivesTheLastRefusal() throws IOException {
        int port = freePort();

        Upstream.Outcome outcome = Upstream.connect(List.of(ip("127.0.0.2"), ip("127.0.0.1")), port, 2000, null, null);

        assertThat(outcome).isInstanceOfSatisfying(Upstream.Failed.class,
                failed -> assertThat(failed.refusal()).isEqualTo(Refusal.CONNECTION_REFUSED));
    }

    @Test
    void noAddressAtAllIsAnUnreachableHost() {
        assertThat(Upstream.connect(List.of(), 80, 2000, null, null))
                .isEqualTo(new Upstream.Failed(Refusal.HOST_UNREACHABLE, "unknown host", false));
    }

    /**
     * With a backlog of 1 and nobody accepting, Linux drops further SYNs, so a connect hangs: a
     * local stand-in for a destination that does not answer.
     */
    @Test
    void aDestinationThatDoesNotAnswerTimesOut() throws IOException, InterruptedException {
        ServerSocketChannel server = ServerSocketChannel.open();
        opened.add(server);
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1);
        int port = port(server);
        List<SocketChannel> fillers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SocketChannel filler = SocketChannel.open();
            opened.add(filler);
            filler.configureBlocking(false);
            filler.connect(new InetSocketAddress("127.0.0.1", port));
            fillers.add(filler);
        }
        // the queue of a backlog of 1 holds two established connections; later SYNs are dropped
        Await.until(() -> established(fillers) >= 2, "the listening socket's queue to fill up");

        Upstream.Outcome outcome = Upstream.connect(List.of(ip("127.0.0.1")), port, 300, null, null);

        assertThat(outcome).isEqualTo(new Upstream.Failed(Refusal.HOST_UNREACHABLE, "Connection timed out", true));
    }

    private static long established(List<SocketChannel> connecting) {
        return connecting.stream().filter(channel -> {
            try {
                return channel.isConnected() || channel.finishConnect();
            } catch (IOException e) {
                return false;
            }
        }).count();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new SocketTimeoutException("Connect timed out"),
                        Refusal.HOST_UNREACHABLE, "Connection timed out", true),
                Arguments.of(new ConnectException("Connection refused"),
                        Refusal.CONNECTION_REFUSED, "Connection refused", false),
                Arguments.of(new NoRouteToHostException("No route to host"),
                        Refusal.HOST_UNREACHABLE, "No route to host", false),
                Arguments.of(new SocketException("Network is unreachable"),
                        Refusal.NETWORK_UNREACHABLE, "Network is unreachable", false),
                Arguments.of(new SocketException("Network is unreachable (connect failed)"),
                        Refusal.NETWORK_UNREACHABLE, "Network is unreachable (connect failed)", false),
                Arguments.of(new SocketException("Permission denied"),
                        Refusal.GENERAL_FAILURE, "Permission denied", false),
                Arguments.of(new IOException("something else"),
                        Refusal.GENERAL_FAILURE, "something else", false),
                Arguments.of(new IOException(),
                        Refusal.GENERAL_FAILURE, "IOException", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failuresMapToReplies(IOException error, Refusal refusal, String text, boolean timedOut) {
        assertThat(Upstream.failure(error)).isEqualTo(new Upstream.Failed(refusal, text, timedOut));
    }

    /** The JDK reports the kernel's own connect timeout (ETIMEDOUT) as a ConnectException. */
    @Test
    void theKernelsConnectTimeoutIsATimeout() {
        assertThat(Upstream.failure(new ConnectException("Connection timed out")))
                .isEqualTo(new Upstream.Failed(Refusal.HOST_UNREACHABLE, "Connection timed out", true));
    }

    private SocketChannel connected(Upstream.Outcome outcome) {
        assertThat(outcome).isInstanceOf(Upstream.Connected.class);
        SocketChannel channel = ((Upstream.Connected) outcome).channel();
        opened.add(channel);
        return channel;
    }

    private ServerSocketChannel listen() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        opened.add(server);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            return port(server);
        }
    }

    private static int port(ServerSocketChannel server) throws IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    private static InetAddress ip(String literal) throws IOException {
        return InetAddress.getByName(literal);
    }
}
