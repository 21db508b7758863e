package org.sockd.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sockd.auth.internal.Fixtures.line;
import static org.sockd.common.testing.Await.until;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.api.ClientInfo;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.auth.Authentication;

/** The component as the core uses it: over real loopback sockets, with reloads and file watching. */
class PasswordFileAuthenticatorTest {

    /** What a client pipelines after its credentials: the SOCKS 5 request, left for the core. */
    private static final byte[] NEXT = {5, 1, 0, 1};

    @TempDir
    Path dir;

    private final Fixtures.CountingKdf kdf = new Fixtures.CountingKdf();
    private final AtomicLong clock = new AtomicLong();
    private PasswordFileAuthenticator authenticator;

    @AfterEach
    void deactivate() {
        if (authenticator != null) {
            authenticator.deactivate();
        }
    }

    @Test
    void speaksMethodTwo() throws Exception {
        assertThat(start(new TestAuthConfig(passwd(line("alice", "a")))).method()).isEqualTo(2);
    }

    @Test
    void aClientTricklingOneByteAtATimeLogsInAndItsNextBytesAreLeftUnread() throws Exception {
        start(new TestAuthConfig(passwd(line("alice", "wonderland"))));

        Exchange exchange = exchange("127.0.0.2", Fixtures.request("alice", "wonderland"), 5);

        assertThat(exchange.result()).isEqualTo(new Authentication.Accepted("alice"));
        assertThat(exchange.status()).containsExactly(1, 0);
        assertThat(exchange.unread()).isEqualTo(NEXT);
    }

    @Test
    void anotherPasswordFileTakesOverInPlace() throws Exception {
        start(new TestAuthConfig(passwd(line("alice", "wonderland"))));
        Path other = Files.writeString(dir.resolve("other.passwd"), line("bob", "builder") + "\n");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-------"));

        authenticator.modified(new TestAuthConfig(other));

        assertThat(exchange("127.0.0.2", Fixtures.request("bob", "builder"), 0).result())
                .isEqualTo(new Authentication.Accepted("bob"));
        assertThat(exchange("127.0.0.3", Fixtures.request("alice", "wonderland"), 0).result())
                .isInstanceOf(Authentication.Rejected.class);
        assertThat(authenticator.title()).isEqualTo("SOCKS 5 users from " + other);
    }

    @Test
    void aWrongPasswordIsAnsweredOverTheSocketWithFailure() throws Exception {
        start(new TestAuthConfig(passwd(line("alice", "wonderland"))));

        Exchange exchange = exchange("127.0.0.2", Fixtures.request("alice", "wonderlanD"), 0);

        assertThat(exchange.result()).isEqualTo(new Authentication.Rejected("alice", "wrong password"));
        assertThat(exchange.status()).containsExactly(1, 1);
    }

    @Test
    void failuresAreCountedPerClientAddress() throws Exception {
        start(new TestAuthConfig(passwd(line("alice", "wonderland"))).maxFailures(2));
        exchange("127.0.0.2", Fixtures.request("alice", "x"), 0);
        exchange("127.0.0.2", Fixtures.request("alice", "y"), 0);
        int derivations = kdf.derivations();

        Exchange refused = exchange("127.0.0.2", Fixtures.request("alice", "wonderland"), 0);
        Exchange other = exchange("127.0.0.3", Fixtures.request("alice", "wonderland"), 0);

        assertThat(refused.result()).isEqualTo(new Authentication.Rejected("alice", "too many failed attempts from 127.0.0.2"));
        assertThat(refused.status()).containsExactly(1, 1);
        assertThat(other.result()).isEqualTo(new Authentication.Accepted("alice"));
        assertThat(kdf.derivations()).isEqualTo(derivations + 1);
    }

    @Test
    void reloadSwapsInAGoodFileAndKeepsTheUsersOnABadOne() throws Exception {
        Path file = passwd(line("alice", "a"));
        start(new TestAuthConfig(file));

        passwd(line("alice", "a"), line("bob", "b"));
        assertThat(authenticator.reload()).isEqualTo(new ReloadResult.Reloaded(file.toString(), 2));
        assertThat(login("bob", "b")).isEqualTo(new Authentication.Accepted("bob"));

        passwd(line("carol", "c"), "dave:plain");
        assertThat(authenticator.reload()).isInstanceOf(ReloadResult.Failed.class);
        assertThat(login("bob", "b")).isEqualTo(new Authentication.Accepted("bob"));
        assertThat(login("carol", "c")).isEqualTo(new Authentication.Rejected("carol", "unknown user"));
    }

    @Test
    void aRememberedLoginCostsNoDerivationUntilAReloadChangesTheUser() throws Exception {
        Path file = passwd(line("alice", "a"), line("bob", "b"));
        start(new TestAuthConfig(file));
        login("alice", "a");
        login("bob", "b");

        assertThat(login("alice", "a")).isEqualTo(new Authentication.Accepted("alice"));
        assertThat(kdf.derivations()).isEqualTo(2);

        passwd(line("alice", "new"), Files.readAllLines(file).get(1));
        assertThat(authenticator.reload()).isInstanceOf(ReloadResult.Reloaded.class);
        assertThat(login("alice", "a")).isEqualTo(new Authentication.Rejected("alice", "wrong password"));
        assertThat(login("bob", "b")).isEqualTo(new Authentication.Accepted("bob"));
        assertThat(kdf.derivations()).isEqualTo(3);
    }

    @Test
    void aLoginCacheOfZeroSecondsChecksEveryLoginInFull() throws Exception {
        start(new TestAuthConfig(passwd(line("alice", "a"))).loginCache(0, 10_000));
        for (int i = 0; i < 3; i++) {
            assertThat(login("alice", "a")).isEqualTo(new Authentication.Accepted("alice"));
        }
        assertThat(kdf.derivations()).isEqualTo(3);
    }

    @Test
    void theLoginCacheAndPerUserSettingsAreChecked() throws Exception {
        Path file = passwd(line("alice", "a"));
        assertThatThrownBy(() -> start(new TestAuthConfig(file).loginCache(-1, 10_000)))
                .hasMessage("sockd.auth.passwd: login.cache.seconds must be 0 or more, not -1");
        assertThatThrownBy(() -> start(new TestAuthConfig(file).loginCache(900, 0)))
                .hasMessage("sockd.auth.passwd: login.cache.entries must be greater than 0, not 0");
        assertThatThrownBy(() -> start(new TestAuthConfig(file).userMaxFailures(1001)))
                .hasMessage("sockd.auth.passwd: user.max.failures must be at most 1000, not 1001");
    }

    @Test
    void theDumpListsUserNamesOnly() throws Exception {
        Path file = passwd("# staff", line("alice", "a"), line("bob", "b"));
        start(new TestAuthConfig(file));

        assertThat(authenticator.title()).isEqualTo("SOCKS 5 users from " + file);
        assertThat(authenticator.dump()).containsExactly("alice", "bob");
    }

    @Test
    void aChangeOnDiskIsPickedUpWhileWatchingAndTheWatcherStopsWithTheComponent() throws Exception {
        Path file = passwd(line("alice", "a"));
        start(new TestAuthConfig(file).watching(20));

        Path next = dir.resolve("next");
        Files.writeString(next, line("alice", "a") + "\n" + line("bob", "b") + "\n");
        Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        until(() -> authenticator.dump().contains("bob"), "the password file reloaded");
        assertThat(authenticator.dump()).containsExactly("alice", "bob");

        authenticator.deactivate();
        authenticator = null;
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("sockd-passwd-watch"));
    }

    @Test
    void aBadConfigurationNamesThePidAndTheProperty() throws Exception {
        Path file = passwd(line("alice", "a"));
        assertThatThrownBy(() -> start(new TestAuthConfig(file).maxFailures(0)))
                .hasMessage("sockd.auth.passwd: max.failures must be greater than 0, not 0");
        assertThatThrownBy(() -> start(new TestAuthConfig(file.toString(), 5, 0, false, 2000, 0, 10_000, 10, 900, 10_000)))
                .hasMessage("sockd.auth.passwd: failure.window.s must be greater than 0, not 0");
    }

    private PasswordFileAuthenticator start(TestAuthConfig config) {
        authenticator = new PasswordFileAuthenticator(config, true, kdf, clock::get);
        return authenticator;
    }

    private Path passwd(String... lines) throws IOException {
        Path file = dir.resolve("sockd.passwd");
        Files.writeString(file, String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private Authentication login(String user, String password) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 1080);
        return authenticator.authenticate(new ByteArrayInputStream(Fixtures.request(user, password)),
                new ByteArrayOutputStream(), new ClientInfo(loopback, loopback));
    }

    /** What the client got, and what the server side could still read after the exchange. */
    private record Exchange(Authentication result, byte[] status, byte[] unread) {
    }

    /**
     * Connects from {@code from} to a listener on 127.0.0.1 whose accepted socket goes through
     * {@code authenticate}; sends {@code request} and {@link #NEXT}, one byte a write with
     * {@code gapMillis} between writes, or all at once when it is 0.
     */
    private Exchange exchange(String from, byte[] request, int gapMillis) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                Socket client = new Socket()) {
            client.bind(new InetSocketAddress(from, 0));
            client.connect(server.getLocalSocketAddress(), 5000);
            client.setSoTimeout(5000);
            client.setTcpNoDelay(true);
            try (Socket accepted = server.accept()) {
                accepted.setSoTimeout(5000);
                ClientInfo info = new ClientInfo((InetSocketAddress) accepted.getRemoteSocketAddress(),
                        (InetSocketAddress) accepted.getLocalSocketAddress());
                CompletableFuture<Authentication> result = CompletableFuture.supplyAsync(() -> {
                    try {
                        return authenticator.authenticate(accepted.getInputStream(), accepted.getOutputStream(), info);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                send(client.getOutputStream(), request, gapMillis);
                send(client.getOutputStream(), NEXT, gapMillis);
                Authentication authentication = result.get(10, TimeUnit.SECONDS);
                return new Exchange(authentication, client.getInputStream().readNBytes(2),
                        accepted.getInputStream().readNBytes(NEXT.length));
            }
        }
    }

    private static void send(OutputStream out, byte[] bytes, int gapMillis) throws Exception {
        if (gapMillis == 0) {
            out.write(bytes);
            out.flush();
            return;
        }
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            Thread.sleep(gapMillis);
        }
    }
}
