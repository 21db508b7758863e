package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockd.common.testing.Await;

/**
 * BIND listeners and UDP associations are bounded in total and per client address (core max.binds,
 * max.binds.per.client, max.udp.associations, max.udp.associations.per.client), and a BIND
 * listener lives no longer than its control connection.
 */
class BindAndUdpLimitsIT {

    private static final String RULES = "permit 127.0.0.0 255.0.0.0\n";
    private static final InetAddress LOOPBACK = Sockets.address("127.0.0.1");
    private static final InetAddress OTHER_CLIENT = Sockets.address("127.0.0.2");
    private static final int SERVER_PORT = 2121;

    @TempDir
    Path home;

    private final List<BindClient> clients = new ArrayList<>();
    private final List<UdpAssociateClient> associations = new ArrayList<>();

    @AfterEach
    void closeClients() throws IOException {
        for (BindClient client : clients) {
            client.close();
        }
        for (UdpAssociateClient association : associations) {
            association.close();
        }
    }

    @ParameterizedTest(name = "SOCKS {0}")
    @ValueSource(ints = {BindClient.SOCKS4, BindClient.SOCKS5})
    void bindsBeyondTheCapsAreRefusedUntilOneIsGivenUp(int version) throws Exception {
        AdminDaemon.coreSettings(home, "max.binds = I\"3\"", "max.binds.per.client = I\"2\"");
        try (Daemon daemon = AdminDaemon.start(home, RULES)) {
            BindClient first = bind(version, LOOPBACK, daemon, true);
            bind(version, LOOPBACK, daemon, true);
            bind(version, LOOPBACK, daemon, false);
            bind(version, OTHER_CLIENT, daemon, true);
            bind(version, OTHER_CLIENT, daemon, false);
            daemon.awaitLine(line -> line.contains("by limit max.binds.per.client 2"), 10);
            daemon.awaitLine(line -> line.contains("by limit max.binds 3"), 10);

            first.close();

            Await.until(() -> granted(version, daemon), Duration.ofSeconds(10), "a BIND granted once one was given up");
        }
    }

    @Test
    void associationsBeyondTheCapsAreRefusedUntilOneEnds() throws Exception {
        AdminDaemon.coreSettings(home, "max.udp.associations = I\"3\"", "max.udp.associations.per.client = I\"2\"");
        try (Daemon daemon = AdminDaemon.start(home, RULES)) {
            UdpAssociateClient first = associate(daemon, LOOPBACK);
            associate(daemon, LOOPBACK);
            assertRefused(daemon, LOOPBACK);
            associate(daemon, OTHER_CLIENT);
            assertRefused(daemon, OTHER_CLIENT);
            daemon.awaitLine(line -> line.contains("by limit max.udp.associations.per.client 2"), 10);
            daemon.awaitLine(line -> line.contains("by limit max.udp.associations 3"), 10);

            first.close();

            Await.until(() -> associates(daemon), Duration.ofSeconds(10), "an association granted once one ended");
        }
    }

    private UdpAssociateClient associate(Daemon daemon, InetAddress from) throws IOException {
        UdpAssociateClient client = UdpAssociateClient.open(daemon.address(), null, null, from, true);
        associations.add(client);
        return client;
    }

    private static void assertRefused(Daemon daemon, InetAddress from) {
        assertThatThrownBy(() -> UdpAssociateClient.open(daemon.address(), null, null, from, true).close())
                .hasMessage("UDP ASSOCIATE refused: 05010001");
    }

    private boolean associates(Daemon daemon) {
        try {
            associate(daemon, LOOPBACK);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theListeningPortIsReleasedWhenTheControlConnectionCloses() throws Exception {
        try (Daemon daemon = AdminDaemon.start(home, RULES)) {
            BindClient client = BindClient.open(BindClient.SOCKS5, daemon.address());
            BindClient.Reply first = client.bind(LOOPBACK, SERVER_PORT, "");
            assertThat(first.granted()).as(first.toString()).isTrue();

            client.close();

            // a probe before the BIND gave up would be its peer and end it: first the evidence it ended
            daemon.awaitLine(line -> line.contains("failed -- Bind from "), 1);
            assertThat(accepts(first.address())).as("a connection to the BIND's port").isFalse();
        }
    }

    private BindClient bind(int version, InetAddress from, Daemon daemon, boolean expectGranted) throws IOException {
        BindClient client = BindClient.openFrom(version, from, daemon.address());
        clients.add(client);
        BindClient.Reply reply = client.bind(LOOPBACK, SERVER_PORT, version == BindClient.SOCKS4 ? "alice" : "");
        assertThat(reply.granted()).as(reply.toString()).isEqualTo(expectGranted);
        if (!expectGranted) {
            assertThat(reply.code()).as("general failure").isEqualTo(version == BindClient.SOCKS4 ? 91 : 1);
        }
        return client;
    }

    private boolean granted(int version, Daemon daemon) {
        try {
            BindClient client = BindClient.open(version, daemon.address());
            clients.add(client);
            return client.bind(LOOPBACK, SERVER_PORT, version == BindClient.SOCKS4 ? "alice" : "").granted();
        } catch (IOException e) {
            return false;
        }
    }

    /** Connects as the expected peer would (so it is asked only once the BIND is over). */
    private static boolean accepts(InetSocketAddress port) {
        try (Socket probe = new Socket()) {
            probe.connect(port, 5000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
