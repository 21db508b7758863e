package org.sockd.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.access.Preview;
import org.sockd.api.access.Previewable;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.SessionRefusal;
import org.sockd.api.admin.SessionSnapshot;
import org.sockd.api.admin.SessionState;
import org.sockd.common.testing.FakeCore;

/** sockd:check --sessions (a dry run of the files on disk) and sockd:reload --revalidate. */
class SessionsCheckTest {

    private static final AccessPolicy CANDIDATE = request -> new Decision.Deny("no rule matched", null);
    private static final SessionSnapshot BOB = new SessionSnapshot(3, new InetSocketAddress("127.0.0.1", 40000), "bob",
            null, Command.CONNECT, Endpoint.ofAddress(InetAddress.getLoopbackAddress(), 80), SessionState.RELAYING,
            Instant.EPOCH, 10, 20, new InetSocketAddress("127.0.0.1", 80));

    private final FakeRegistry registry = new FakeRegistry();
    /** Two live sessions, of which the rules refuse bob's. */
    private final FakeCore core = new FakeCore(List.of(BOB, new SessionSnapshot(4,
            new InetSocketAddress("127.0.0.1", 40001), "alice", null, null, null, SessionState.HANDSHAKE, Instant.EPOCH,
            0, 0)), List.of(new SessionRefusal(BOB, "refused by /etc/sockd.conf:2: deny *=bob")), false);
    private final SockdCommands commands = new SockdCommands(registry);

    SessionsCheckTest() {
        registry.sessions = Optional.of(core);
    }

    @Test
    void theDryRunNamesTheSessionsTheFileOnDiskWouldEndAndEndsNone() {
        register(new PreviewingPolicy(new Preview.Ready("/etc/sockd.conf", CANDIDATE)));

        assertThat(commands.check(true)).hasToString("""
                /etc/sockd.conf (on disk, not in force) would end 1 of 2 live sessions
                  session 3 127.0.0.1:40000 to 127.0.0.1:80: refused by /etc/sockd.conf:2: deny *=bob""");
        assertThat(core.askedAbout).containsExactly(CANDIDATE);
        assertThat(core.revalidations()).isZero();
    }

    @Test
    void aBrokenFileOnDiskWouldEndNothing() {
        register(new PreviewingPolicy(new Preview.Invalid("/etc/sockd.conf", List.of("/etc/sockd.conf:2: Invalid entry"))));

        assertThat(commands.check(true)).hasToString("""
                /etc/sockd.conf: NOT valid, a reload would keep the rules in force and end no session:
                  /etc/sockd.conf:2: Invalid entry""");
    }

    @Test
    void aPolicyThatCannotPreviewOrNoPolicyAtAllIsSaidPlainly() {
        assertThat(commands.check(true)).hasToString(Text.NO_POLICY);
        register(CANDIDATE);
        assertThat(commands.check(true)).hasToString(
                "the access policy in use (deny list) cannot read its files without putting them in force: no dry run");
        assertThatIllegalArgumentException().isThrownBy(() -> commands.check(false))
                .withMessage("check: give SRC DST PORT [USER], or --sessions");
    }

    @Test
    void reloadWithRevalidateEndsTheRefusedSessionsAfterTheFiles() {
        registry.reloadables.add(() -> new ReloadResult.Reloaded("/etc/sockd.conf", 2));
        registry.reloadables.add(core);

        assertThat(commands.reload(false)).hasToString("/etc/sockd.conf: 2 rules");
        assertThat(core.revalidations()).isZero();
        assertThat(commands.reload(true)).hasToString("""
                /etc/sockd.conf: 2 rules
                live sessions revalidated: 1 ended
                  session 3 127.0.0.1:40000 to 127.0.0.1:80: refused by /etc/sockd.conf:2: deny *=bob""");
        assertThat(core.revalidations()).isOne();
    }

    private void register(AccessPolicy policy) {
        registry.policies.add(new PolicyService(policy,
                new RegisteredService(ServiceKind.ACCESS_POLICY, "deny list", 0, 1, "sockd.access [7]")));
    }

    private record PreviewingPolicy(Preview preview) implements AccessPolicy, Previewable {
        @Override
        public Decision decide(ConnectRequest request) {
            throw new AssertionError("the policy in force is not asked");
        }
    }
}
