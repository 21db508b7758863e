package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.admin.SessionRefusal;
import org.sockd.api.admin.SessionState;
import org.sockd.api.log.EndReason;

/** Live sessions decided again with the facts they started with; only those refused end. */
class RevalidationTest {

    private static final MatchedRule PERMIT = new MatchedRule("/etc/sockd.conf", 1, "permit 0.0.0.0 0.0.0.0");
    private static final MatchedRule DENY_BOB = new MatchedRule("/etc/sockd.conf", 2, "deny *=bob 0.0.0.0 0.0.0.0");

    private final Loopback net;
    private final Sessions sessions = new Sessions();

    RevalidationTest() throws IOException {
        net = new Loopback();
    }

    @AfterEach
    void closeAll() {
        net.close();
    }

    /** Denies bob by his rule, refuses port 25 with no rule, and permits the rest with the ident check it is given. */
    private static AccessPolicy rules(IdentMode identMode) {
        return request -> request.user().equals("bob") ? new Decision.Deny("rule", DENY_BOB)
                : request.destination().port() == 25 ? new Decision.Deny("no rule matched", null)
                : new Decision.Allow(PERMIT, identMode);
    }

    @Test
    void onlyTheRefusedSessionsEndEachWithWhatRefusesIt() throws Exception {
        LiveSession bob = live("bob", 80, SessionState.RELAYING, null);
        LiveSession mail = live("alice", 25, SessionState.WAITING, null);
        LiveSession web = live("alice", 80, SessionState.RELAYING, null);

        List<SessionRefusal> ended = Revalidation.end(sessions, rules(IdentMode.OFF));

        assertThat(ended).extracting(refusal -> refusal.session().id() + " " + refusal.reason()).containsExactly(
                bob.id() + " refused by /etc/sockd.conf:2: deny *=bob 0.0.0.0 0.0.0.0",
                mail.id() + " refused: no rule matched");
        assertThat(bob.ending()).isEqualTo(new LiveSession.End(EndReason.REVALIDATED,
                "refused by /etc/sockd.conf:2: deny *=bob 0.0.0.0 0.0.0.0"));
        assertThat(bob.client().isOpen()).isFalse();
        assertThat(mail.ending().reason()).isEqualTo(EndReason.REVALIDATED);
        assertThat(web.client().isOpen()).as("still permitted, untouched").isTrue();
    }

    @Test
    void aDryRunEndsNothingAndSessionsNotYetDecidedAreLeftToTheirOwnDecision() throws Exception {
        LiveSession bob = live("bob", 80, SessionState.RELAYING, null);
        live("bob", 80, SessionState.DECIDING, null);

        assertThat(Revalidation.refused(sessions.all(), rules(IdentMode.OFF)))
                .extracting(refusal -> refusal.session().id()).containsExactly(bob.id());
        assertThat(bob.client().isOpen()).isTrue();
    }

    @Test
    void theIdentAnswerASessionGotStandsAndNoneCountsAsUnanswered() throws Exception {
        LiveSession answered = live("alice", 80, SessionState.RELAYING, "alice");
        LiveSession unanswered = live("carol", 80, SessionState.RELAYING, null);

        assertThat(Revalidation.refused(sessions.all(), rules(IdentMode.STRICT))).singleElement().satisfies(refusal -> {
            assertThat(refusal.session().id()).isEqualTo(unanswered.id());
            assertThat(refusal.reason()).isEqualTo("refused by /etc/sockd.conf:1: permit 0.0.0.0 0.0.0.0 "
                    + "(cannot connect to identd)");
        });
        assertThat(answered.client().isOpen()).isTrue();
    }

    /** The rules now permit only 127.0.0.2 of a name's two addresses. */
    private static final AccessPolicy ONLY_127_0_0_2 = request -> request.resolved().stream()
            .allMatch(address -> address.getHostAddress().equals("127.0.0.2"))
            ? new Decision.Allow(PERMIT, IdentMode.OFF) : new Decision.Deny("no rule matched", null);

    @Test
    void aSessionIsDecidedOnTheAddressItIsConnectedToNotOnAnyAddressOfItsName() throws Exception {
        InetAddress first = InetAddress.getByAddress("relay.test", new byte[] {127, 0, 0, 1});
        InetAddress second = InetAddress.getByAddress("relay.test", new byte[] {127, 0, 0, 2});
        LiveSession onFirst = live("alice", 80, SessionState.RELAYING, null, List.of(first, second));
        onFirst.connected(new InetSocketAddress(first, 80));
        LiveSession onSecond = live("alice", 80, SessionState.RELAYING, null, List.of(first, second));
        onSecond.connected(new InetSocketAddress(second, 80));
        LiveSession notYet = live("alice", 80, SessionState.WAITING, null, List.of(first, second));
        LiveSession neither = live("alice", 80, SessionState.WAITING, null, List.of(first));

        assertThat(Revalidation.refused(sessions.all(), ONLY_127_0_0_2)).extracting(refusal -> refusal.session().id())
                .containsExactly(onFirst.id(), neither.id());
        assertThat(List.of(onSecond, notYet)).allSatisfy(session -> assertThat(session.client().isOpen()).isTrue());
    }

    @Test
    void withNoPolicyEverySessionIsRefused() throws Exception {
        live("alice", 80, SessionState.RELAYING, null);

        assertThat(Revalidation.refused(sessions.all(), null)).extracting(SessionRefusal::reason)
                .containsExactly("refused: no access policy registered");
    }

    private LiveSession live(String user, int port, SessionState state, String ident) throws IOException {
        return live(user, port, state, ident, List.of(InetAddress.getLoopbackAddress()));
    }

    private LiveSession live(String user, int port, SessionState state, String ident, List<InetAddress> resolved)
            throws IOException {
        Loopback.Pair client = net.pair();
        LiveSession session = new LiveSession(sessions.nextId(), client.proxy(), Long.MAX_VALUE);
        Endpoint destination = resolved.size() == 1 ? Endpoint.ofAddress(resolved.getFirst(), port)
                : Endpoint.ofName(resolved.getFirst().getHostName(), port);
        ConnectRequest request = new ConnectRequest(new ClientInfo((InetSocketAddress) client.peer().getLocalAddress(),
                (InetSocketAddress) client.proxy().getLocalAddress()), SocksVersion.SOCKS4, Command.CONNECT,
                destination, resolved, user, null);
        session.stage(state, request, ident);
        sessions.add(session);
        return session;
    }
}
