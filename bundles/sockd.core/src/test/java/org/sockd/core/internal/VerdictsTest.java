package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
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
import org.sockd.api.protocol.Refusal;

class VerdictsTest {

    private static final MatchedRule RULE = new MatchedRule("sockd.conf", 3, "permit 0.0.0.0 0.0.0.0");

    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of("no policy", null,
                        new Verdicts.Refuse(Refusal.NOT_ALLOWED, "no access policy registered", List.of())),
                Arguments.of("throws", (AccessPolicy) request -> {
                    throw new IllegalStateException("broken rules");
                }, new Verdicts.Refuse(Refusal.NOT_ALLOWED, "access policy failed", List.of())),
                Arguments.of("recurses forever", new AccessPolicy() {
                    @Override
                    public Decision decide(ConnectRequest request) {
                        return decide(request);
                    }
                }, new Verdicts.Refuse(Refusal.NOT_ALLOWED, "access policy failed", List.of())),
                Arguments.of("returns null", (AccessPolicy) request -> null,
                        new Verdicts.Refuse(Refusal.NOT_ALLOWED, "access policy returned no decision", List.of())),
                Arguments.of("denies", policy(new Decision.Deny("deny rule at line 7", RULE)),
                        new Verdicts.Refuse(Refusal.NOT_ALLOWED, "deny rule at line 7", List.of())),
                Arguments.of("denies by default", policy(new Decision.Deny("no rule matched", null)),
                        new Verdicts.Refuse(Refusal.NOT_ALLOWED, "no rule matched", List.of())),
                Arguments.of("allows, no ident", policy(new Decision.Allow(RULE, IdentMode.OFF)),
                        new Verdicts.Proceed(List.of())),
                Arguments.of("allows, lenient ident", policy(new Decision.Allow(RULE, IdentMode.LENIENT)),
                        new Verdicts.Proceed(List.of())),
                Arguments.of("allows, strict ident", policy(new Decision.Allow(RULE, IdentMode.STRICT)),
                        new Verdicts.Refuse(Refusal.IDENT_UNREACHABLE, "cannot connect to identd", List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void decisionsBecomeVerdictsFailingClosed(String name, AccessPolicy policy, Verdicts.Verdict expected) {
        assertThat(Verdicts.decide(policy, request())).isEqualTo(expected);
    }

    private static final MatchedRule WITH_COMMAND =
            new MatchedRule("sockd.conf", 4, "deny 0.0.0.0 0.0.0.0 : echo %u", "echo %u");
    private static final IdentActions SPECIALS = new IdentActions("mail -s noid admin", "mail -s badid admin");

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("deny runs the rule's command",
                        new Decision.Deny("rule", WITH_COMMAND), List.of("sockd.conf:4 echo %u")),
                Arguments.of("implied deny runs nothing", new Decision.Deny("no rule matched", null), List.of()),
                Arguments.of("permit without ident runs the rule's command",
                        new Decision.Allow(WITH_COMMAND, IdentMode.OFF, SPECIALS), List.of("sockd.conf:4 echo %u")),
                Arguments.of("permit of a rule without command runs nothing",
                        new Decision.Allow(RULE, IdentMode.OFF, SPECIALS), List.of()),
                Arguments.of("lenient, identd unreachable: #NO_IDENTD then the rule's command",
                        new Decision.Allow(WITH_COMMAND, IdentMode.LENIENT, SPECIALS),
                        List.of("sockd.conf #NO_IDENTD: mail -s noid admin", "sockd.conf:4 echo %u")),
                Arguments.of("strict, identd unreachable: #NO_IDENTD only",
                        new Decision.Allow(WITH_COMMAND, IdentMode.STRICT, SPECIALS),
                        List.of("sockd.conf #NO_IDENTD: mail -s noid admin")),
                Arguments.of("strict without a #NO_IDENTD line runs nothing",
                        new Decision.Allow(WITH_COMMAND, IdentMode.STRICT, IdentActions.NONE), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void theClassicRulesSayWhichCommandsRun(String name, Decision decision, List<String> expected) {
        ConnectRequest request = request();
        Verdicts.Verdict verdict = Verdicts.decide(policy(decision), request);
        assertThat(verdict.actions()).extracting(action -> action.origin() + " " + action.command())
                .containsExactlyElementsOf(expected);
        assertThat(verdict.actions()).allSatisfy(action -> assertThat(action.request()).isSameAs(request));
    }

    @Test
    void thePolicySeesTheRequestAsGiven() {
        ConnectRequest request = request();
        AtomicReference<ConnectRequest> seen = new AtomicReference<>();

        Verdicts.decide(r -> {
            seen.set(r);
            return new Decision.Allow(RULE, IdentMode.OFF);
        }, request);

        assertThat(seen.get()).isSameAs(request);
    }

    private static AccessPolicy policy(Decision decision) {
        return request -> decision;
    }

    private static ConnectRequest request() {
        InetAddress destination = InetAddress.getLoopbackAddress();
        ClientInfo client = new ClientInfo(new InetSocketAddress("127.0.0.1", 40000), new InetSocketAddress("127.0.0.1", 1080));
        return new ConnectRequest(client, SocksVersion.SOCKS5, Command.CONNECT,
                Endpoint.ofAddress(destination, 80), List.of(destination), "", null);
    }
}
