package org.sockd.core.internal.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sockd.api.Endpoint;
import org.sockd.common.testing.Await;
import org.sockd.core.internal.Loopback;

class UdpAssociationTest {

    private static final InetAddress LOOPBACK = ip("127.0.0.1");
    private static final UdpLimits LIMITS = new UdpLimits(30_000, 256, 65_507);
    private static final int IDLE_MILLIS = 200;
    private static final UdpLimits SHORT_IDLE = new UdpLimits(IDLE_MILLIS, 256, 65_507);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<Endpoint> asked = new CopyOnWriteArrayList<>();
    /** The associations' clock: it stands still unless a test moves it on. */
    private final AtomicLong nanos = new AtomicLong(System.nanoTime());

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    @Test
    void anEchoTargetAnswersWithTheExactPayloadsThroughTheRelay() throws Exception {
        UdpPeer echo = echo("127.0.0.1");
        UdpPeer client = peer("127.0.0.1");
        UdpAssociation association = started(LOOPBACK, 0, this::sendToAddress, LIMITS);
        List<byte[]> payloads = List.of(new byte[0], "hello".getBytes(), Loopback.random(1_400, 1),
                Loopback.random(65_000, 2));

        for (byte[] payload : payloads) {
            client.send(UdpTestCodec.datagram(to(echo), payload), association.relayAddress());
            UdpPeer.Received answer = client.receive(UdpPeer.WAIT).orElseThrow();

            assertThat(answer.source()).isEqualTo(association.relayAddress());
            assertThat(answer.data()).isEqualTo(UdpTestCodec.datagram(to(echo), payload));
        }
        assertThat(association.relayAddress().getAddress()).isEqualTo(LOOPBACK);
        long bytes = payloads.stream().mapToLong(p -> p.length).sum();
        // a datagram is counted just after it is sent, so the last count may trail its echo a moment
        UdpCounters expected = new UdpCounters(4, bytes, 4, bytes, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        awaitCounters(association, expected::equals);
    }

    @Test
    void aStreamToOneDestinationCostsOneDecision() throws Exception {
        UdpPeer echo = echo("127.0.0.1");
        UdpPeer client = peer("127.0.0.1");
        UdpAssociation association = started(LOOPBACK, 0, this::sendToAddress, LIMITS);

        for (int i = 0; i < 5; i++) {
            client.send(UdpTestCodec.datagram(to(echo), new byte[] {(byte) i}), association.relayAddress());
            assertThat(client.receive(UdpPeer.WAIT)).isPresent();
        }

        assertThat(asked).containsExactly(to(echo));
    }

    @Test
    void afterTheFirstDatagramOnlyThatPortIsTheClient() throws Exception {
        UdpPeer echo = echo("127.0.0.1");
        UdpPeer otherPort = peer("127.0.0.1");
        Client client = echoedOnce(echo);

        otherPort.send(UdpTestCodec.datagram(to(echo), "second".getBytes()), client.association().relayAddress());

        awaitCounters(client.association(), c -> c.notFromClient() == 1);
        assertThat(otherPort.receive(UdpPeer.QUIET)).isEmpty();
        assertThat(echo.echoed()).isEqualTo(1);
    }

    @Test
    void aPortGivenInTheRequestIsTheOnlyOneAccepted() throws Exception {
        UdpPeer echo = echo("127.0.0.1");
        UdpPeer client = peer("127.0.0.1");
        UdpPeer otherPort = peer("127.0.0.1");
        UdpAssociation association = started(LOOPBACK, client.address().getPort(), this::sendToAddress, LIMITS);

        otherPort.send(UdpTestCodec.datagram(to(echo), "early".getBytes()), association.relayAddress());
        awaitCounters(association, c -> c.notFromClient() == 1);
        client.send(UdpTestCodec.datagram(to(echo), "mine".getBytes()), association.relayAddress());

        assertThat(client.receive(UdpPeer.WAIT).orElseThrow().data())
                .isEqualTo(UdpTestCodec.datagram(to(echo), "mine".getBytes()));
        assertThat(echo.echoed()).isEqualTo(1);
    }

    @Test
    void datagramsFromAnotherAddressAreDroppedAndCounted() throws Exception {
        UdpPeer echo = echo("127.0.0.1");
        UdpPeer stranger = peer("127.0.0.3");
        UdpAssociation association = started(ip("127.0.0.2"), 0, this::sendToAddress, LIMITS);

        stranger.send(UdpTestCodec.datagram(to(echo), "spoof".getBytes()), association.relayAddress());

        awaitCounters(association, c -> c.notFromClient() == 1);
        assertThat(stranger.receive(UdpPeer.QUIET)).isEmpty();
        assertThat(echo.echoed()).isZero();
        assertThat(asked).isEmpty();
    }

    @Test
    void fragmentsAndMalformedHeadersAreDroppedAndCounted() throws Exception {
        UdpPeer echo = echo("127.0.0.1");
        UdpPeer client = peer("127.0.0.1");
        UdpAssociation association = started(LOOPBACK, 0, this::sendToAddress, LIMITS);

        client.send(UdpTestCodec.datagram(1, to(echo), "part".getBytes()), association.relayAddress());
        client.send(UdpTestCodec.datagram(0x81, to(echo), "last part".getBytes()), association.relayAddress());
        client.send(new byte[] {0, 0, 0}, association.relayAddress());

        awaitCounters(association, c -> c.fragment() == 2 && c.malformed() == 1);
        assertThat(client.receive(UdpPeer.QUIET)).isEmpty();
        assertThat(echo.echoed()).isZero();
    }

    @Test
    void aDeniedDestinationIsCountedAndNothingIsSent() throws Exception {
        UdpPeer allowed = echo("127.0.0.1");
        UdpPeer forbidden = echo("127.0.0.1");
        UdpPeer client = peer("127.0.0.1");
        Endpoint permitted = to(allowed);
        UdpAssociation association = started(LOOPBACK, 0, destination -> destination.equals(permitted)
                ? sendToAddress(destination) : new UdpGate.Verdict.Drop("not allowed"), LIMITS);

        client.send(UdpTestCodec.datagram(to(allowed), "one".getBytes()), association.relayAddress());
        assertThat(client.receive(UdpPeer.WAIT)).isPresent();
        client.send(UdpTestCodec.datagram(to(forbidden), "two".getBytes()), association.relayAddress());

        awaitCounters(association, c -> c.denied() == 1);
        assertThat(client.receive(UdpPeer.QUIET)).isEmpty();
        assertThat(forbidden.echoed()).isZero();
        assertThat(association.counters().fromClientDatagrams()).isEqualTo(1);
    }

    @Test
    void aDestinationThroughAnUpstreamIsCountedApartAndNothingIsSent() throws Exception {
        UdpPeer direct = echo("127.0.0.1");
        UdpPeer upstreamOnly = echo("127.0.0.1");
        UdpPeer client = peer("127.0.0.1");
        Endpoint viaUpstream = to(upstreamOnly);
        UdpAssociation association = started(LOOPBACK, 0, destination -> destination.equals(viaUpstream)
                ? new UdpGate.Verdict.ThroughUpstream("socks.conf line 1") : sendToAddress(destination), LIMITS);

        client.send(UdpTestCodec.datagram(viaUpstream, "one".getBytes()), association.relayAddress());
        client.send(UdpTestCodec.datagram(to(direct), "two".getBytes()), association.relayAddress());

        assertThat(client.receive(UdpPeer.WAIT)).as("the echo of the direct datagram").isPresent();
        // datagrams leave in order: the first was dealt with before the second went out
        assertThat(upstreamOnly.echoed()).isZero();
        awaitCounters(association, c -> c.fromClientDatagrams() == 1);
        assertThat(association.counters().droppedByReason()).containsExactly(Map.entry("upstream-unsupported", 1L));
    }

    @Test
    void aHostTheClientNeverSentToCannotReachIt() throws Exception {
        UdpPeer echo = echo("127.0.0.1");
        UdpPeer stranger = peer("127.0.0.1");
        Client client = echoedOnce(echo);
        InetSocketAddress externalSide = echo.lastSender();

        stranger.send("unsolicited".getBytes(), externalSide);

        awaitCounters(client.association(), c -> c.notFromPeer() == 1);
        assertThat(client.peer().receive(UdpPeer.QUIET)).isEmpty();
    }

    @Test
    void newTargetsPastTheLimitAreDropped() throws Exception {
        UdpPeer first = echo("127.0.0.1");
        UdpPeer second = echo("127.0.0.1");
        UdpPeer third = echo("127.0.0.1");
        UdpPeer client = peer("127.0.0.1");
        UdpAssociation association = started(LOOPBACK, 0, this::sendToAddress, new UdpLimits(30_000, 2, 65_507));

        for (UdpPeer target : List.of(first, second, third)) {
            client.send(UdpTestCodec.datagram(to(target), "hi".getBytes()), association.relayAddress());
        }
        awaitCounters(association, c -> c.tooManyPeers() == 1);
        client.send(UdpTestCodec.datagram(to(first), "again".getBytes()), association.relayAddress());

        awaitCounters(association, c -> c.fromTargetsDatagrams() == 3);
        assertThat(third.echoed()).isZero();
        assertThat(first.echoed()).isEqualTo(2);
    }

    @Test
    void payloadsPastTheLargestAllowedAreDropped() throws Exception {
        UdpPeer echo = echo("127.0.0.1");
        Client relayed = clientOfHundredByteRelay();

        for (int size : new int[] {101, 100 + UdpAssociation.HEADER_ROOM, 100}) {
            relayed.send(to(echo), new byte[size]);
        }

        assertThat(relayed.peer().receive(UdpPeer.WAIT).orElseThrow().data()).hasSize(10 + 100);
        assertThat(relayed.association().counters().oversize()).isEqualTo(2);
        assertThat(echo.echoed()).isEqualTo(1);
    }

    @Test
    void answersPastTheLargestAllowedAreDropped() throws Exception {
        UdpPeer target = peer("127.0.0.1");
        Client relayed = clientOfHundredByteRelay();
        relayed.send(to(target), "open".getBytes());
        InetSocketAddress externalSide = target.receive(UdpPeer.WAIT).orElseThrow().source();

        target.send(new byte[101], externalSide);
        target.send(new byte[100], externalSide);

        assertThat(relayed.peer().receive(UdpPeer.WAIT).orElseThrow().data())
                .isEqualTo(UdpTestCodec.datagram(to(target), new byte[100]));
        assertThat(relayed.association().counters().oversize()).isEqualTo(1);
        assertThat(relayed.peer().receive(UdpPeer.QUIET)).isEmpty();
    }

    @Test
    void theGateChoosesTheLocalAddressTargetsSeeDatagramsFrom() throws Exception {
        UdpPeer echo = echo("127.0.0.1");
        UdpPeer client = peer("127.0.0.1");
        UdpAssociation association = started(LOOPBACK, 0, destination ->
                new UdpGate.Verdict.Send(socketAddress(destination), ip("127.0.0.5")), LIMITS);

        client.send(UdpTestCodec.datagram(to(echo), "via .5".getBytes()), association.relayAddress());

        assertThat(client.receive(UdpPeer.WAIT)).isPresent();
        assertThat(echo.lastSender().getAddress()).isEqualTo(ip("127.0.0.5"));
    }

    @Test
    void aSendThatCannotBeMadeIsCounted() throws Exception {
        UdpPeer client = peer("127.0.0.1");
        // An IPv4 socket cannot send to an IPv6 target.
        UdpAssociation association = started(LOOPBACK, 0, destination ->
                new UdpGate.Verdict.Send(new InetSocketAddress(ip("::1"), 9), LOOPBACK), LIMITS);

        client.send(UdpTestCodec.datagram(Endpoint.ofAddress(LOOPBACK, 9), "x".getBytes()), association.relayAddress());

        awaitCounters(association, c -> c.sendFailed() == 1);
        assertThat(association.awaitEnd(0)).isFalse();
    }

    @Test
    void aNameIsPassedToTheGateAsTheClientWroteIt() throws Exception {
        UdpPeer echo = echo("127.0.0.1");
        UdpPeer client = peer("127.0.0.1");
        UdpAssociation association = started(LOOPBACK, 0, this::sendToAddress, LIMITS);
        Endpoint named = Endpoint.ofName("localhost", echo.address().getPort());

        client.send(UdpTestCodec.datagram(named, "by name".getBytes()), association.relayAddress());

        assertThat(client.receive(UdpPeer.WAIT).orElseThrow().data())
                .isEqualTo(UdpTestCodec.datagram(to(echo), "by name".getBytes()));
        assertThat(asked).containsExactly(named);
    }

    @Test
    void anIpv6TargetIsReachedFromTheWildcardSocket() throws Exception {
        assumeTrue(UdpPeer.ipv6Loopback(), "no IPv6 loopback on this machine");
        UdpPeer echo = echo("::1");
        UdpPeer client = peer("127.0.0.1");
        UdpAssociation association = started(LOOPBACK, 0, this::sendToAddress, LIMITS);

        client.send(UdpTestCodec.datagram(to(echo), "six".getBytes()), association.relayAddress());

        assertThat(client.receive(UdpPeer.WAIT).orElseThrow().data())
                .isEqualTo(UdpTestCodec.datagram(to(echo), "six".getBytes()));
    }

    @Test
    void anIpv6ClientIsServedOnAnIpv6Relay() throws Exception {
        assumeTrue(UdpPeer.ipv6Loopback(), "no IPv6 loopback on this machine");
        UdpPeer echo = echo("127.0.0.1");
        UdpPeer client = peer("::1");
        UdpAssociation association = started(ip("::1"), 0, this::sendToAddress, LIMITS);

        client.send(UdpTestCodec.datagram(to(echo), "from six".getBytes()), association.relayAddress());

        assertThat(association.relayAddress().getAddress()).isEqualTo(ip("::1"));
        assertThat(client.receive(UdpPeer.WAIT).orElseThrow().data())
                .isEqualTo(UdpTestCodec.datagram(to(echo), "from six".getBytes()));
    }

    @Test
    void withoutTrafficTheAssociationEndsItself() throws Exception {
        UdpAssociation association = started(LOOPBACK, 0, this::sendToAddress, SHORT_IDLE);

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS));

        assertThat(association.awaitEnd(Await.PATIENCE.toMillis())).isTrue();
        assertThat(association.idleExpired()).isTrue();
        assertPortReleased(association.relayAddress());
    }

    @Test
    void datagramsFromTheClientAloneKeepItAlive() throws Exception {
        UdpPeer silent = peer("127.0.0.1");
        UdpPeer client = peer("127.0.0.1");
        UdpAssociation association = started(LOOPBACK, 0, this::sendToAddress, SHORT_IDLE);

        assertKeptAliveBy(association, () -> {
            client.send(UdpTestCodec.datagram(to(silent), "tick".getBytes()), association.relayAddress());
            assertThat(silent.receive(UdpPeer.WAIT)).isPresent();
        });
    }

    @Test
    void datagramsFromATargetAloneKeepItAlive() throws Exception {
        UdpPeer target = peer("127.0.0.1");
        UdpPeer client = peer("127.0.0.1");
        UdpAssociation association = started(LOOPBACK, 0, this::sendToAddress, SHORT_IDLE);
        client.send(UdpTestCodec.datagram(to(target), "open".getBytes()), association.relayAddress());
        InetSocketAddress externalSide = target.receive(UdpPeer.WAIT).orElseThrow().source();

        assertKeptAliveBy(association, () -> {
            target.send("tock".getBytes(), externalSide);
            assertThat(client.receive(UdpPeer.WAIT)).isPresent();
        });
    }

    @Test
    void closeEndsItAndReleasesThePorts() throws Exception {
        UdpPeer echo = echo("127.0.0.1");
        UdpAssociation association = echoedOnce(echo).association();
        InetSocketAddress externalSide = echo.lastSender();

        association.close();
        association.close();

        assertThat(association.awaitEnd(0)).isTrue();
        assertThat(association.idleExpired()).isFalse();
        assertPortReleased(association.relayAddress());
        assertPortReleased(externalSide);
    }

    @Test
    void closeCutsShortALookupOfTheGate() throws Exception {
        UdpPeer client = peer("127.0.0.1");
        CountDownLatch cutShort = new CountDownLatch(1);
        UdpAssociation association = started(LOOPBACK, 0, destination -> {
            asked.add(destination);
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                cutShort.countDown();
                throw e;
            }
            return new UdpGate.Verdict.Drop("too late");
        }, LIMITS);
        client.send(UdpTestCodec.datagram(Endpoint.ofName("slow.example", 53), new byte[1]), association.relayAddress());
        Await.until(() -> !asked.isEmpty(), "the gate to be asked");

        association.close();

        assertThat(association.awaitEnd(0)).isTrue();
        assertThat(cutShort.await(Await.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).as("the lookup was interrupted")
                .isTrue();
    }

    @Test
    void startTwiceIsAMistake() throws Exception {
        UdpAssociation association = started(LOOPBACK, 0, this::sendToAddress, LIMITS);

        assertThatThrownBy(association::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already started");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> UdpAssociation.open(LOOPBACK, UdpPortRange.ANY, LOOPBACK, 65_536, new UdpTestCodec(),
                this::sendToAddress, LIMITS)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The gate of the tests: sends where the client asked, and resolves "localhost" itself. */
    private UdpGate.Verdict sendToAddress(Endpoint destination) {
        asked.add(destination);
        return new UdpGate.Verdict.Send(socketAddress(destination), null);
    }

    private static InetSocketAddress socketAddress(Endpoint destination) {
        InetAddress address = destination.isName() && destination.host().equals("localhost") ? LOOPBACK
                : destination.address();
        return new InetSocketAddress(address, destination.port());
    }

    private UdpAssociation started(InetAddress client, int clientPort, UdpGate gate, UdpLimits limits)
            throws IOException {
        UdpAssociation association = UdpAssociation.open(client, UdpPortRange.ANY, client, clientPort,
                new UdpTestCodec(), gate, limits, nanos::get);
        opened.add(association);
        association.start();
        return association;
    }

    /** A client and its association. */
    private record Client(UdpPeer peer, UdpAssociation association) {
        void send(Endpoint to, byte[] payload) throws IOException {
            peer.send(UdpTestCodec.datagram(to, payload), association.relayAddress());
        }
    }

    /** A client whose association relays payloads of 100 bytes at the most. */
    private Client clientOfHundredByteRelay() throws IOException {
        UdpPeer client = peer("127.0.0.1");
        return new Client(client, started(LOOPBACK, 0, this::sendToAddress, new UdpLimits(30_000, 256, 100)));
    }

    /** A client on 127.0.0.1 that has had one datagram echoed by {@code echo} through its association. */
    private Client echoedOnce(UdpPeer echo) throws IOException {
        Client client = new Client(peer("127.0.0.1"), started(LOOPBACK, 0, this::sendToAddress, LIMITS));
        client.send(to(echo), "open".getBytes());
        assertThat(client.peer().receive(UdpPeer.WAIT)).isPresent();
        return client;
    }

    private UdpPeer echo(String address) throws IOException {
        UdpPeer peer = UdpPeer.echo(address);
        opened.add(peer);
        return peer;
    }

    private UdpPeer peer(String address) throws IOException {
        UdpPeer peer = UdpPeer.on(address);
        opened.add(peer);
        return peer;
    }

    private static Endpoint to(UdpPeer target) throws IOException {
        return Endpoint.ofAddress(target.address().getAddress(), target.address().getPort());
    }

    private static void awaitCounters(UdpAssociation association, Predicate<UdpCounters> expected)
            throws InterruptedException {
        Await.until(() -> expected.test(association.counters()), "the expected counters");
    }

    /** One datagram relayed, one way or the other. */
    @FunctionalInterface
    private interface Traffic {
        void pass() throws IOException;
    }

    /**
     * Traffic every three quarters of the allowance renews it each time, so the association
     * outlives its first allowance; then a whole allowance of silence ends it.
     */
    private void assertKeptAliveBy(UdpAssociation association, Traffic traffic) throws Exception {
        for (int i = 0; i < 3; i++) {
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS * 3 / 4));
            traffic.pass();
            Await.until(() -> association.idleLeft().toMillis() == IDLE_MILLIS, "the idle allowance to be renewed");
        }
        assertThat(association.awaitEnd(0)).as("ended while traffic flowed").isFalse();

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS));

        assertThat(association.awaitEnd(Await.PATIENCE.toMillis())).isTrue();
        assertThat(association.idleExpired()).isTrue();
    }

    /** A closed UDP socket's port can be bound again at once. */
    private static void assertPortReleased(InetSocketAddress address) throws IOException {
        InetSocketAddress again = address.getAddress().isAnyLocalAddress()
                ? new InetSocketAddress(address.getPort()) : address;
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.bind(again);
            assertThat(channel.getLocalAddress()).isEqualTo(again);
        }
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
