package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentActions;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.ident.IdentResult;
import org.sockd.api.protocol.Refusal;

class VerdictsTest {

    private static final MatchedRule RULE = new MatchedRule("sockd.conf", 3, "permit 0.0.0.0 0.0.0.0");
    private static final MatchedRule WITH_COMMAND =
            new MatchedRule("sockd.conf", 4, "permit 0.0.0.0 0.0.0.0 : echo %u", "echo %u");
    private static final IdentActions SPECIALS = new IdentActions("mail -s noid admin", "mail -s badid admin");
    private static final Verdicts.IdentCheck NEVER_ASKED = () -> {
        throw new AssertionError("identd must not be asked");
    };

    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of("no policy", null, refused(Refusal.NOT_ALLOWED, "no access policy registered")),
                Arguments.of("throws", (AccessPolicy) request -> {
                    throw new IllegalStateException("broken rules");
                }, refused(Refusal.NOT_ALLOWED, "access policy failed")),
                Arguments.of("recurses forever", new AccessPolicy() {
                    @Override
                    public Decision decide(ConnectRequest request) {
                        return decide(request);
                    }
                }, refused(Refusal.NOT_ALLOWED, "access policy failed")),
                Arguments.of("returns null", (AccessPolicy) request -> null,
                        refused(Refusal.NOT_ALLOWED, "access policy returned no decision")),
                Arguments.of("denies", policy(new Decision.Deny("deny rule at line 7", RULE)),
                        new Verdicts.Refuse(Refusal.NOT_ALLOWED, "deny rule at line 7", RULE, List.of(),
                                IdentFinding.NOT_ASKED)),
                Arguments.of("denies by default", policy(new Decision.Deny("no rule matched", null)),
                        refused(Refusal.NOT_ALLOWED, "no rule matched")),
                Arguments.of("allows, no ident", policy(new Decision.Allow(RULE, IdentMode.OFF)),
                        new Verdicts.Proceed(List.of(), IdentFinding.NOT_ASKED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void decisionsBecomeVerdictsFailingClosedWithoutAskingIdentd(String name, AccessPolicy policy,
            Verdicts.Verdict expected) throws Exception {
        assertThat(Verdicts.decide(policy, request("joe"), NEVER_ASKED)).isEqualTo(expected);
    }

    /** The table of "Ident checks" in man/sockd.conf.5, row by row, with the commands that run. */
    static Stream<Arguments> identTable() {
        IdentResult joe = new IdentResult.User("UNIX", "joe");
        IdentResult sam = new IdentResult.User("UNIX", "sam");
        IdentResult none = new IdentResult.Unreachable("connection refused");
        IdentResult hidden = new IdentResult.NoUser("HIDDEN-USER");
        return Stream.of(
                Arguments.of(IdentMode.LENIENT, joe, "proceed", null, "joe NONE", List.of("sockd.conf:4 echo %u (joe)")),
                Arguments.of(IdentMode.STRICT, joe, "proceed", null, "joe NONE", List.of("sockd.conf:4 echo %u (joe)")),
                Arguments.of(IdentMode.LENIENT, sam, "refuse", Refusal.IDENT_MISMATCH, "sam MISMATCH",
                        List.of("sockd.conf #BAD_ID: mail -s badid admin (sam)")),
                Arguments.of(IdentMode.STRICT, sam, "refuse", Refusal.IDENT_MISMATCH, "sam MISMATCH",
                        List.of("sockd.conf #BAD_ID: mail -s badid admin (sam)")),
                Arguments.of(IdentMode.LENIENT, none, "proceed", null, "null UNREACHABLE",
                        List.of("sockd.conf #NO_IDENTD: mail -s noid admin (null)", "sockd.conf:4 echo %u (null)")),
                Arguments.of(IdentMode.STRICT, none, "refuse", Refusal.IDENT_UNREACHABLE, "null UNREACHABLE",
                        List.of("sockd.conf #NO_IDENTD: mail -s noid admin (null)")),
                Arguments.of(IdentMode.STRICT, hidden, "refuse", Refusal.IDENT_UNREACHABLE, "null UNREACHABLE",
                        List.of("sockd.conf #NO_IDENTD: mail -s noid admin (null)")));
    }

    @ParameterizedTest(name = "{0}, identd says {1}: {2} {3}")
    @MethodSource("identTable")
    void theIdentDecisionTable(IdentMode mode, IdentResult answer, String outcome, Refusal refusal, String finding,
            List<String> actions) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Verdicts.Verdict verdict = Verdicts.decide(policy(new Decision.Allow(WITH_COMMAND, mode, SPECIALS)),
                request("joe"), () -> {
                    asked.incrementAndGet();
                    return answer;
                });
        assertThat(asked).hasValue(1);
        assertThat(verdict).isInstanceOf(outcome.equals("proceed") ? Verdicts.Proceed.class : Verdicts.Refuse.class);
        if (verdict instanceof Verdicts.Refuse refuse) {
            assertThat(refuse.refusal()).isEqualTo(refusal);
        }
        assertThat(verdict.ident().answer() + " " + verdict.ident().trouble()).isEqualTo(finding);
        assertThat(verdict.actions()).extracting(a -> a.origin() + " " + a.command() + " (" + a.ident() + ")")
                .containsExactlyElementsOf(actions);
    }

    @Test
    void aSocks5ClientWithoutAUserNameIsWhoeverIdentdNames() throws Exception {
        ConnectRequest request = new ConnectRequest(request("").client(), SocksVersion.SOCKS5, Command.CONNECT,
                request("").destination(), request("").resolved(), "", null);
        Verdicts.Verdict verdict = Verdicts.decide(policy(new Decision.Allow(RULE, IdentMode.STRICT)), request,
                () -> new IdentResult.User("UNIX", "alice"));
        assertThat(verdict).isInstanceOf(Verdicts.Proceed.class);
        assertThat(verdict.ident().answer()).isEqualTo("alice");
    }

    @Test
    void theComparisonIsExactAndCaseSensitive() throws Exception {
        Verdicts.Verdict verdict = Verdicts.decide(policy(new Decision.Allow(RULE, IdentMode.LENIENT)), request("Joe"),
                () -> new IdentResult.User("UNIX", "joe"));
        assertThat(verdict).isInstanceOfSatisfying(Verdicts.Refuse.class,
                refuse -> assertThat(refuse.refusal()).isEqualTo(Refusal.IDENT_MISMATCH));
    }

    @Test
    void denyAndPlainPermitRunTheRuleCommandOnly() throws Exception {
        var deny = Verdicts.decide(policy(new Decision.Deny("rule", WITH_COMMAND)), request("joe"), NEVER_ASKED);
        var permit = Verdicts.decide(policy(new Decision.Allow(WITH_COMMAND, IdentMode.OFF, SPECIALS)), request("joe"),
                NEVER_ASKED);
        var implied = Verdicts.decide(policy(new Decision.Deny("no rule matched", null)), request("joe"), NEVER_ASKED);
        assertThat(deny.actions()).extracting(a -> a.origin() + " " + a.command()).containsExactly("sockd.conf:4 echo %u");
        assertThat(permit.actions()).extracting(a -> a.origin() + " " + a.command()).containsExactly("sockd.conf:4 echo %u");
        assertThat(implied.actions()).isEmpty();
    }

    @Test
    void thePolicySeesTheRequestAsGiven() throws Exception {
        ConnectRequest request = request("joe");
        AtomicReference<ConnectRequest> seen = new AtomicReference<>();
        Verdicts.decide(r -> {
            seen.set(r);
            return new Decision.Allow(RULE, IdentMode.OFF);
        }, request, NEVER_ASKED);
        assertThat(seen.get()).isSameAs(request);
    }

    private static Verdicts.Refuse refused(Refusal refusal, String reason) {
        return new Verdicts.Refuse(refusal, reason, null, List.of(), IdentFinding.NOT_ASKED);
    }

    private static AccessPolicy policy(Decision decision) {
        return request -> decision;
    }

    private static ConnectRequest request(String user) {
        InetAddress destination = InetAddress.getLoopbackAddress();
        ClientInfo client = new ClientInfo(new InetSocketAddress("127.0.0.1", 40000), new InetSocketAddress("127.0.0.1", 1080));
        return new ConnectRequest(client, SocksVersion.SOCKS4, Command.CONNECT,
                Endpoint.ofAddress(destination, 80), List.of(destination), user, null);
    }
}
