package org.sockd.auth.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.ClientInfo;
import org.sockd.api.admin.Dumpable;
import org.sockd.api.admin.FileVerdict;
import org.sockd.api.admin.LoadedFile;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.Reloadable;
import org.sockd.api.auth.Authentication;
import org.sockd.api.auth.Authenticator;
import org.sockd.common.config.Settings;
import org.sockd.common.files.StrictModes;
import org.sockd.common.reload.Handover;
import org.sockd.common.reload.LiveFile;

/**
 * SOCKS 5 username/password (RFC 1929) against a password file of PBKDF2 hashes. It exists only
 * while its configuration does ({@code bin/sockd -U FILE}); while it is registered, the core
 * requires SOCKS 5 clients to log in. The file is read again on SIGHUP, {@code sockd:reload} and
 * when it changes on disk; a file with an error, or one that others may read or change, keeps the
 * users in force. Public only because Felix SCR calls public constructors alone.
 */
@Component(name = PasswordFileAuthenticator.PID, service = {Authenticator.class, Reloadable.class, Dumpable.class, LoadedFile.class},
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PasswordFileAuthenticator.Config.class)
public final class PasswordFileAuthenticator implements Authenticator, Reloadable, Dumpable, LoadedFile {

    static final String PID = "sockd.auth.passwd";
    /** RFC 1928: username/password. */
    static final int METHOD = 0x02;

    @ObjectClassDefinition(name = "sockd auth: password file",
            description = "SOCKS 5 username/password authentication (RFC 1929) against a file of password hashes")
    public @interface Config {
        @AttributeDefinition(description = "Path of the password file (user:pbkdf2-sha256:ITERATIONS:SALT:HASH lines)")
        String file() default "config/sockd.passwd";

        @AttributeDefinition(description = "Failed logins from one client address within the window "
                + "before that address is refused")
        int max_failures() default 5;

        @AttributeDefinition(description = "Failed logins as one user name, from any address, within the window "
                + "before that name is refused; 0 turns this off")
        int user_max_failures() default 10;

        @AttributeDefinition(description = "The window for max.failures, in seconds")
        long failure_window_s() default 60;

        @AttributeDefinition(description = "Reload the users when the file changes on disk")
        boolean watch() default true;

        @AttributeDefinition(description = "How often to look at the file for changes, in milliseconds")
        long watch_period_ms() default 2000;

        @AttributeDefinition(description = "Password checks that may run at once; "
                + "0 means twice the number of processors")
        int max_concurrent_checks() default 0;

        @AttributeDefinition(description = "How long a login waits for a free password check before it fails, "
                + "in milliseconds")
        long check_wait_ms() default 10_000;

        @AttributeDefinition(description = "Seconds a successful login is remembered (as a keyed digest), "
                + "so that the same name and password log in again without a key derivation; 0 turns this off")
        long login_cache_seconds() default 900;

        @AttributeDefinition(description = "The most users whose login is remembered at once")
        int login_cache_entries() default 10_000;

        @AttributeDefinition(description = "Hand each accepted client's password to the core, so that a socks.conf "
                + "upstream with auth=forward can log in with it; the password then leaves this module")
        boolean login_forward() default false;

        @AttributeDefinition(description = "The highest-ranked authenticator of a method is the one in use")
        int service_ranking() default 0;
    }

    private static final Logger LOG = LoggerFactory.getLogger(PasswordFileAuthenticator.class);
    /** Bounds the throttle's memory to well under a megabyte. */
    static final int TRACKED_ADDRESSES = 10_000;
    static final int TRACKED_USERS = 10_000;
    static final int MAX_FAILURES_LIMIT = 1000;

    /** What one configuration made: the users in force, the method that checks them and its threads. */
    private record Login(LiveFile<Users> users, UsernamePasswordMethod method, CheckPool checks) implements Closeable {
        @Override
        public void close() {
            users.close();
            checks.close();
        }
    }

    private final boolean strictModes;
    private final Kdf kdf;
    private final LongSupplier nanoClock;
    private final Handover<Login> login;

    /** Checks the file's owner and mode unless the system property {@value StrictModes#PROPERTY} is false. */
    @Activate
    public PasswordFileAuthenticator(Config config) {
        this(config, StrictModes.on(System.getProperty(StrictModes.PROPERTY)), Pbkdf2.KDF, System::nanoTime);
    }

    /**
     * @param strictModes whether to refuse a file that others may read or change
     * @param kdf counts derivations in tests
     * @param nanoClock the throttles' and the login cache's clock
     */
    PasswordFileAuthenticator(Config config, boolean strictModes, Kdf kdf, LongSupplier nanoClock) {
        this.strictModes = strictModes;
        this.kdf = kdf;
        this.nanoClock = nanoClock;
        this.login = new Handover<>(load(config));
    }

    /**
     * A changed configuration takes over in place: a client in a gap without an authenticator
     * would be served without a password (or, with -U, refused).
     */
    @Modified
    void modified(Config config) {
        login.handTo(load(config));
    }

    private Login load(Config config) {
        check(config);
        Path file = Path.of(config.file());
        String daemonUser = System.getProperty("user.name");
        LiveFile<Users> users = new LiveFile<>(file, path -> PasswordFile.read(path, strictModes, daemonUser),
                UsersFile.KIND, LOG)
                .watchIf(config.watch(), "sockd-passwd-watch", Duration.ofMillis(config.watch_period_ms()),
                        () -> Set.of(file));
        Duration window = Duration.ofSeconds(config.failure_window_s());
        Optional<FailureThrottle<String>> perUser = config.user_max_failures() == 0 ? Optional.empty()
                : Optional.of(new FailureThrottle<>(config.user_max_failures(), window, TRACKED_USERS, nanoClock));
        LoginThrottle throttle = new LoginThrottle(
                new FailureThrottle<>(config.max_failures(), window, TRACKED_ADDRESSES, nanoClock), perUser, LOG);
        LoginCache cache = new LoginCache(Duration.ofSeconds(config.login_cache_seconds()),
                config.login_cache_entries(), nanoClock);
        CheckPool checks = CheckPool.of(config.max_concurrent_checks() > 0 ? config.max_concurrent_checks()
                : 2 * Runtime.getRuntime().availableProcessors(), Duration.ofMillis(config.check_wait_ms()));
        if (config.login_forward()) {
            LOG.warn("login.forward: clients' passwords are handed to the core for upstreams with auth=forward");
        }
        UsernamePasswordMethod method = new UsernamePasswordMethod(users::current, new Verifier(kdf), throttle, cache,
                checks, config.login_forward());
        return new Login(users, method, checks);
    }

    @Override
    public int method() {
        return METHOD;
    }

    @Override
    public Authentication authenticate(InputStream in, OutputStream out, ClientInfo client) throws IOException {
        return login.current().method().authenticate(in, out, client.remote().getAddress());
    }

    @Override
    public ReloadResult reload() {
        return login.current().users().reload();
    }

    @Override
    public FileVerdict verdict() {
        return login.current().users().verdict();
    }

    @Override
    public String title() {
        return "SOCKS 5 users from " + login.current().users().file();
    }

    /** The names alone: a hash would let anyone who sees the dump guess passwords offline. */
    @Override
    public List<String> dump() {
        return login.current().users().current().names();
    }

    @Deactivate
    void deactivate() {
        login.close();
    }

    private static void check(Config config) {
        Settings.requirePositive(PID, "max.failures", config.max_failures());
        requireAtMost("max.failures", config.max_failures(), MAX_FAILURES_LIMIT);
        requireNotNegative("user.max.failures", config.user_max_failures());
        requireAtMost("user.max.failures", config.user_max_failures(), MAX_FAILURES_LIMIT);
        Settings.requirePositive(PID, "failure.window.s", config.failure_window_s());
        Settings.requirePositive(PID, "watch.period.ms", config.watch_period_ms());
        Settings.requirePositive(PID, "check.wait.ms", config.check_wait_ms());
        requireNotNegative("max.concurrent.checks", config.max_concurrent_checks());
        requireNotNegative("login.cache.seconds", config.login_cache_seconds());
        Settings.requirePositive(PID, "login.cache.entries", config.login_cache_entries());
    }

    private static void requireAtMost(String property, int value, int limit) {
        if (value > limit) {
            throw new IllegalArgumentException(PID + ": " + property + " must be at most " + limit + ", not " + value);
        }
    }

    private static void requireNotNegative(String property, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(PID + ": " + property + " must be 0 or more, not " + value);
        }
    }
}
