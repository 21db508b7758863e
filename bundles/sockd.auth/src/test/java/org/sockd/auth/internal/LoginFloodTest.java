package org.sockd.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.auth.internal.Fixtures.line;
import static org.sockd.common.testing.Await.until;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.api.ClientInfo;
import org.sockd.api.auth.Authentication;
import org.sockd.common.testing.Await;

/**
 * A flood of wrong passwords from many addresses against the component as the core runs it, one virtual
 * thread a session, with more checks in progress than there are cores: users already verified still log in,
 * and a new correct login gets its turn.
 */
class LoginFloodTest {

    /** More than the cores of the machines this runs on, as the default of twice the processors is. */
    private static final int CHECKS = 4;
    private static final int FLOOD_ADDRESSES = 8;
    /**
     * Below max.failures, so that no address is refused and every attempt of the flood costs a check; each
     * name is tried once from each address, below user.max.failures.
     */
    private static final int ATTEMPTS_PER_ADDRESS = 4;
    private static final int FLOOD = FLOOD_ADDRESSES * ATTEMPTS_PER_ADDRESS;

    @TempDir
    Path dir;

    private final SpinningKdf kdf = new SpinningKdf();
    private PasswordFileAuthenticator authenticator;

    @AfterEach
    void deactivate() {
        kdf.open();
        if (authenticator != null) {
            authenticator.deactivate();
        }
    }

    @Test
    void rememberedLoginsSucceedWhileAFloodOfWrongPasswordsKeepsEveryCheckBusy() throws Exception {
        Path file = Files.writeString(dir.resolve("sockd.passwd"),
                line("alice", "wonderland") + "\n" + line("carol", "c") + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        authenticator = new PasswordFileAuthenticator(new TestAuthConfig(file).checks(CHECKS, 60_000), true, kdf,
                System::nanoTime);
        assertThat(login("127.0.0.10", "alice", "wonderland")).isEqualTo(new Authentication.Accepted("alice"));

        ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<Authentication>> flood = new ArrayList<>();
            for (int address = 2; address < 2 + FLOOD_ADDRESSES; address++) {
                for (int attempt = 0; attempt < ATTEMPTS_PER_ADDRESS; attempt++) {
                    String from = "127.0.0." + address;
                    String user = "mallory" + attempt;
                    flood.add(sessions.submit(() -> login(from, user, "flood")));
                }
            }
            until(() -> kdf.spinning.get() == CHECKS, "every password check busy with the flood");

            List<Future<Authentication>> remembered = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                remembered.add(sessions.submit(() -> login("127.0.0.10", "alice", "wonderland")));
            }
            for (Future<Authentication> login : remembered) {
                assertThat(login.get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS))
                        .isEqualTo(new Authentication.Accepted("alice"));
            }
            Future<Authentication> uncached = sessions.submit(() -> login("127.0.0.11", "carol", "c"));

            assertThat(kdf.spinning.get()).as("the flood's checks still in progress").isEqualTo(CHECKS);
            assertThat(flood).noneMatch(Future::isDone);

            kdf.open();
            assertThat(uncached.get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo(new Authentication.Accepted("carol"));
            for (Future<Authentication> attempt : flood) {
                assertThat(attempt.get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS))
                        .isInstanceOfSatisfying(Authentication.Rejected.class,
                                rejected -> assertThat(rejected.reason()).isEqualTo("unknown user"));
            }
        } finally {
            kdf.open();
            sessions.close();
        }
        assertThat(kdf.derivations.get()).as("alice once, the flood, carol").isEqualTo(1 + FLOOD + 1);
        assertThat(kdf.onVirtualThreads.get()).isZero();
    }

    private Authentication login(String from, String user, String password) throws IOException {
        InetSocketAddress client = new InetSocketAddress(InetAddress.getByName(from), 40_000);
        return authenticator.authenticate(new ByteArrayInputStream(Fixtures.request(user, password)),
                new ByteArrayOutputStream(), new ClientInfo(client, client));
    }

    /**
     * The real PBKDF2 at the fixtures' cost, except that the password {@code flood} first spins on its
     * thread until {@link #open()}: pure computation, like a derivation at full cost, that lasts as long
     * as the test needs. On a virtual thread it would hold a carrier all that time.
     */
    private static final class SpinningKdf implements Kdf {
        final AtomicInteger derivations = new AtomicInteger();
        final AtomicInteger spinning = new AtomicInteger();
        final AtomicInteger onVirtualThreads = new AtomicInteger();
        private volatile boolean open;

        @Override
        public byte[] derive(char[] password, byte[] salt, int iterations) {
            derivations.incrementAndGet();
            if (Thread.currentThread().isVirtual()) {
                onVirtualThreads.incrementAndGet();
            }
            if (String.valueOf(password).equals("flood")) {
                spinning.incrementAndGet();
                while (!open) {
                    Thread.onSpinWait();
                }
                spinning.decrementAndGet();
            }
            return Pbkdf2.derive(password, salt, iterations);
        }

        void open() {
            open = true;
        }
    }
}
