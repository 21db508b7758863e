package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.itest.EchoServer;
import org.sockd.itest.Socks5Client;

/**
 * {@code bin/sockd ctl drain}: a transfer in progress goes on intact, a new connection is refused,
 * /health/ready fails and sockd:status counts the sessions left; after {@code undrain} new clients
 * are served again.
 */
class DrainIT {

    /** Enough that the transfer is still relaying when the drain comes, and goes on through it. */
    private static final int CHUNK = 256 * 1024;
    private static final int CHUNKS_DURING_DRAIN = 16;

    @TempDir
    Path home;

    @Test
    void aTransferInProgressSurvivesADrainThatRefusesNewClientsUntilUndrain() throws Exception {
        try (EchoServer echo = new EchoServer();
                MetricsEndpoint endpoint = MetricsEndpoint.configure(home.resolve("config"));
                Daemon daemon = AdminDaemon.start(home, "permit 127.0.0.0 255.0.0.0\n")) {
            daemon.awaitLine(line -> line.contains(endpoint.servedLine()), 30);
            try (Socks5Client.Connection transfer = Socks5Client.connect(daemon.address(), echo.address())) {
                assertThat(transfer.reply()).isZero();
                transfer.roundTrip(random(CHUNK));

                ProgramResult drain = AdminTools.ctl(daemon.adminSocket(), "drain");
                assertThat(drain.exitCode()).as(drain.toString()).isZero();
                assertThat(drain.out()).contains("draining: 1 sessions left; new connections are refused");

                assertThatThrownBy(() -> new Socket("127.0.0.1", daemon.port()).close())
                        .as("a new client while draining").isInstanceOf(ConnectException.class);
                HttpResponse<String> ready = endpoint.get("/health/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).isEqualTo("draining\n");
                assertThat(endpoint.get("/health/live").statusCode()).as("a draining node is alive").isEqualTo(200);
                assertThat(AdminTools.ctl(daemon.adminSocket(), "status").out())
                        .contains("\ndraining:  1 sessions left, new connections are refused");

                for (int i = 0; i < CHUNKS_DURING_DRAIN; i++) {
                    transfer.roundTrip(random(CHUNK)); // each chunk comes back byte for byte, or this throws
                }
            }

            ProgramResult undrain = AdminTools.ctl(daemon.adminSocket(), "undrain");
            assertThat(undrain.exitCode()).as(undrain.toString()).isZero();
            assertThat(undrain.out()).contains("accepting new clients");
            try (Socks5Client.Connection after = Socks5Client.connect(daemon.address(), echo.address())) {
                assertThat(after.reply()).as("a new client after undrain").isZero();
                after.roundTrip(random(1024));
            }
            assertThat(endpoint.get("/health/ready").statusCode()).isEqualTo(200);
            assertThat(endpoint.sample("sockd_draining")).contains(0.0);
        }
    }

    private static byte[] random(int size) {
        byte[] data = new byte[size];
        ThreadLocalRandom.current().nextBytes(data);
        return data;
    }
}
