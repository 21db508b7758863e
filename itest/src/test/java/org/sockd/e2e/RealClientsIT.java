package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** curl in every SOCKS flavour and Java's own SOCKS client fetch a page through the built daemon. */
class RealClientsIT {

    @AutoClose
    private static Daemon daemon;
    /** Each test's own page, so a body that arrives is the one this test asked for. */
    @AutoClose
    private final WebServer web;

    RealClientsIT() throws IOException {
        web = new WebServer();
    }

    @BeforeAll
    static void start() throws Exception {
        daemon = Daemon.start("""
                deny 127.0.0.0 255.0.0.0 127.0.0.2 255.255.255.255
                permit 127.0.0.0 255.0.0.0
                """);
    }

    @ParameterizedTest(name = "curl {0} to {1}")
    @CsvSource({
        "--socks4,          127.0.0.1, alice",
        "--socks4a,         localhost, alice",
        "--socks5,          127.0.0.1, ''",
        "--socks5-hostname, localhost, ''",
    })
    void curlFetchesThePageAndTheDaemonLogsTheSession(String flag, String host, String user) throws Exception {
        String body = curl(flag, user, "http://" + host + ":" + web.port() + "/");
        assertThat(body).isEqualTo(web.body());

        // 127.0.0.1 is shown by its confirmed name, as the classic daemon did
        String request = "Connect from " + user + "(unknown)@localhost to localhost (";
        daemon.awaitLine(line -> line.contains("connected -- " + request), 10);
        daemon.awaitLine(line -> line.contains("terminated -- " + request) && line.endsWith(")."), 10);
        daemon.awaitLine(line -> line.matches(".*sockd - \\d+ bytes from localhost, \\d+ bytes from localhost$"), 10);
    }

    @Test
    void javasOwnSocksClientFetchesThePage() throws Exception {
        Proxy proxy = new Proxy(Proxy.Type.SOCKS, daemon.address());
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + web.port() + "/")
                .toURL().openConnection(proxy);
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(5000);
        try (InputStream in = connection.getInputStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(web.body());
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void aDeniedDestinationIsRefusedAndLogged() throws Exception {
        String body = curl("--socks5", "", "http://127.0.0.2:" + web.port() + "/");
        assertThat(body).contains("Can't complete SOCKS5 connection to 127.0.0.2. (2)"); // REP 02
        daemon.awaitLine(line -> line.contains(
                "refused -- Connect from (unknown)@localhost to 127.0.0.2 (" + web.port() + ")"), 10);
    }

    /** Runs curl through the daemon and returns what it printed (the page, or its error). */
    private static String curl(String flag, String user, String url) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10",
                flag, "127.0.0.1:" + daemon.port()));
        if (!user.isEmpty()) {
            command.addAll(List.of("--proxy-user", user + ":"));
        }
        command.add(url);
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(15, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
