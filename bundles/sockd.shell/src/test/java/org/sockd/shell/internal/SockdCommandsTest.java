package org.sockd.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.Reloadable;
import org.sockd.api.route.Route;
import org.sockd.api.route.RouteEntry;
import org.sockd.api.route.RouteSelector;
import org.sockd.common.netdb.Services;

/** The commands built with fake services: no framework, no name service. */
class SockdCommandsTest {

    private static final MatchedRule PERMIT = new MatchedRule("/etc/sockd.conf", 4, "permit 10.0.0.0 255.0.0.0");
    private static final MatchedRule DENY = new MatchedRule("/etc/sockd.conf", 2, "deny 0.0.0.0 0.0.0.0 eq telnet");

    private final FakeRegistry registry = new FakeRegistry();
    private final List<Reloadable> reloadables = registry.reloadables;
    private final List<PolicyService> policies = registry.policies;
    private final FakeNames names = new FakeNames(Map.of("www.example.com", List.of(ip("203.0.113.5"), ip("203.0.113.6")),
            "10.0.0.1", List.of("host.example.com")));
    private final SockdCommands commands = new SockdCommands(registry,
            new Check(names, () -> Services.parse(List.of("telnet 23/tcp", "https 443/tcp"))), Clock.systemUTC());

    @Test
    void reloadReportsEveryServiceEvenWhenOneThrows() {
        reloadables.add(() -> new ReloadResult.Reloaded("/etc/sockd.conf", 12));
        reloadables.add(() -> new ReloadResult.Failed("/etc/sockd.route",
                List.of("/etc/sockd.route:3: Invalid entry", "/etc/sockd.route:7: Invalid entry")));
        reloadables.add(new Reloadable() {
            @Override
            public ReloadResult reload() {
                throw new IllegalStateException("disk on fire");
            }

            @Override
            public String toString() {
                return "broken";
            }
        });

        assertThatIllegalStateException().isThrownBy(() -> commands.reload(false)).withMessage("""
                /etc/sockd.conf: 12 rules
                /etc/sockd.route: NOT reloaded, previous rules stay:
                  /etc/sockd.route:3: Invalid entry
                  /etc/sockd.route:7: Invalid entry
                broken: NOT reloaded, previous rules stay:
                  java.lang.IllegalStateException: disk on fire""");
    }

    @Test
    void reloadOfGoodFilesReportsEach() {
        reloadables.add(() -> new ReloadResult.Reloaded("/etc/sockd.conf", 12));
        reloadables.add(() -> new ReloadResult.Reloaded("/etc/sockd.route", 3));

        assertThat(commands.reload(false)).hasToString("""
                /etc/sockd.conf: 12 rules
                /etc/sockd.route: 3 rules""");
    }

    @Test
    void reloadWithNothingToReloadSaysSo() {
        assertThat(commands.reload(false).verdicts()).isEmpty();
        assertThat(commands.reload(false)).hasToString("nothing to reload: no Reloadable service is registered");
    }

    @Test
    void checkAsksThePolicyAboutASocks4ConnectAndShowsTheRule() throws Exception {
        FakePolicy policy = register("sockd.conf", 0, 7, new Decision.Allow(PERMIT, IdentMode.STRICT), false);

        assertThat(commands.check("10.0.0.1", "192.0.2.1", "telnet", "joe")).hasToString("""
                policy:   sockd.conf
                request:  SOCKS4 CONNECT from 10.0.0.1 to 192.0.2.1 port 23, user "joe"
                verdict:  permit
                rule:     /etc/sockd.conf:4: permit 10.0.0.0 255.0.0.0
                ident:    strict""");
        assertThat(policy.asked).containsExactly(new ConnectRequest(
                new ClientInfo(new InetSocketAddress(ip("10.0.0.1"), 0), new InetSocketAddress(ip("0.0.0.0"), 1080)),
                SocksVersion.SOCKS4, Command.CONNECT, Endpoint.ofAddress(ip("192.0.2.1"), 23), List.of(ip("192.0.2.1")),
                "joe", null));
        assertThat(names.asked).isEmpty();
    }

    @Test
    void checkShowsTheRouteAPermittedRequestWouldTake() throws Exception {
        register("sockd.conf", 0, 7, new Decision.Allow(PERMIT, IdentMode.OFF), false);
        RouteEntry inside = new RouteEntry("/etc/sockd.route", 1, "129.10.1.2 10.0.0.0 255.0.0.0");
        registry.routes = Optional.of(new FakeRoutes(List.of(inside), ip("129.10.1.2")));

        assertThat(commands.check("10.0.0.1", "10.53.23.1", "80").toString()).endsWith("""
                ident:    off
                route:    leaves from 129.10.1.2 (/etc/sockd.route:1: 129.10.1.2 10.0.0.0 255.0.0.0)""");
        assertThat(commands.check("10.0.0.1", "192.0.2.1", "80").toString()).endsWith(
                "route:    none: Cannot find appropriate interface to communicate with 192.0.2.1 (the request would fail)");
    }

    @Test
    void routesListsTheTableInForceOrSaysThereIsNone() {
        assertThat(commands.routes()).isEqualTo("no route file: the system chooses the local address (single-homed)");
        registry.routes = Optional.of(new FakeRoutes(List.of(), ip("129.10.1.2")));
        assertThat(commands.routes()).startsWith("the route file has no routes in force");
        registry.routes = Optional.of(new FakeRoutes(List.of(
                new RouteEntry("/etc/sockd.route", 1, "129.10.1.2 10.0.0.0 255.0.0.0"),
                new RouteEntry("/etc/sockd.route", 3, "129.10.254.1 0.0.0.0 0.0.0.0")), ip("129.10.1.2")));
        assertThat(commands.routes()).isEqualTo("""
                /etc/sockd.route:1: 129.10.1.2 10.0.0.0 255.0.0.0
                /etc/sockd.route:3: 129.10.254.1 0.0.0.0 0.0.0.0""");
    }

    /** Routes 10.0.0.0/8 via {@code local} by the first entry; nothing else. */
    private record FakeRoutes(List<RouteEntry> table, InetAddress local) implements RouteSelector {
        @Override
        public Route select(InetAddress destination, String name) {
            return destination.getAddress()[0] == 10
                    ? new Route.Via(local, table.getFirst())
                    : new Route.NoRoute("Cannot find appropriate interface to communicate with " + destination.getHostAddress());
        }
    }

    @Test
    void aDestinationNameIsResolvedAndTheClientNamedWhenThePolicyWantsIt() throws Exception {
        FakePolicy policy = register("sockd.conf", 0, 7, new Decision.Deny("rule", DENY), true);

        assertThat(commands.check("10.0.0.1", "www.example.com", "443")).hasToString("""
                policy:   sockd.conf
                request:  SOCKS4A CONNECT from 10.0.0.1 to www.example.com port 443, user ""
                resolved: 203.0.113.5, 203.0.113.6
                client:   host.example.com
                verdict:  deny
                rule:     /etc/sockd.conf:2: deny 0.0.0.0 0.0.0.0 eq telnet""");
        // each address decided on its own, as the core does
        assertThat(policy.asked).extracting(ConnectRequest::resolved)
                .containsExactly(List.of(ip("203.0.113.5")), List.of(ip("203.0.113.6")));
        assertThat(policy.asked).allSatisfy(request -> {
            assertThat(request.destination()).isEqualTo(Endpoint.ofName("www.example.com", 443));
            assertThat(request.clientNames()).containsExactly("host.example.com");
        });
    }

    @Test
    void checkSaysWhenTheDestinationGuardRefusesEveryAddressAndDoesNotAskThePolicy() throws Exception {
        FakePolicy policy = register("sockd.conf", 0, 7, new Decision.Allow(PERMIT, IdentMode.OFF), false);
        registry.guard = Optional.of((address, port) -> address.getHostAddress().startsWith("169.254.")
                ? Optional.of("link-local") : Optional.empty());

        assertThat(commands.check("10.0.0.1", "169.254.169.254", "80")).hasToString("""
                policy:   sockd.conf
                request:  SOCKS4 CONNECT from 10.0.0.1 to 169.254.169.254 port 80, user ""
                guard:    refuses 169.254.169.254 (link-local)
                verdict:  deny
                rule:     none (destination guard: link-local)""");
        assertThat(policy.asked).isEmpty();
    }

    @Test
    void checkOfANameShowsWhatTheGuardRefusesAndWhichAddressesTheRulesLeaveToTry() throws Exception {
        registry.guard = Optional.of((address, port) -> address.equals(ip("203.0.113.5"))
                ? Optional.of("own endpoint") : Optional.empty());
        FakePolicy policy = register("sockd.conf", 0, 7, new Decision.Allow(PERMIT, IdentMode.OFF), false);

        assertThat(commands.check("10.0.0.1", "www.example.com", "443")).hasToString("""
                policy:   sockd.conf
                request:  SOCKS4A CONNECT from 10.0.0.1 to www.example.com port 443, user ""
                resolved: 203.0.113.5, 203.0.113.6
                guard:    refuses 203.0.113.5 (own endpoint)
                verdict:  permit
                rule:     /etc/sockd.conf:4: permit 10.0.0.0 255.0.0.0
                ident:    off
                tries:    203.0.113.6 (the addresses the rules permit, in order)""");
        assertThat(policy.asked).extracting(ConnectRequest::resolved).containsExactly(List.of(ip("203.0.113.6")));
    }

    @Test
    void aNameThatDoesNotResolveIsStillDecidedAsTheCoreWould() throws Exception {
        register("sockd.conf", 0, 7, new Decision.Deny("no rule matched", null), false);

        assertThat(commands.check("::1", "nowhere.example", "80").toString()).contains(
                "request:  SOCKS4A CONNECT from 0:0:0:0:0:0:0:1 to nowhere.example port 80",
                "resolved: nothing (no answer in time)",
                "rule:     no rule matched (implied deny)");
    }

    @Test
    void aPolicyThatFailsRefuses() throws Exception {
        policies.add(new PolicyService(request -> {
            throw new IllegalStateException("bug");
        }, new RegisteredService(ServiceKind.ACCESS_POLICY, "buggy", 0, 3, "example [9]")));

        assertThat(commands.check("10.0.0.1", "::1", "80").toString()).endsWith("""
                verdict:  deny
                rule:     none (the policy failed: java.lang.IllegalStateException: bug)""");
    }

    @Test
    void checkAsksTheHighestRankedPolicyThenTheEarliestRegistered() throws Exception {
        register("low", -1, 1, new Decision.Allow(PERMIT, IdentMode.OFF), false);
        register("late", 5, 9, new Decision.Allow(PERMIT, IdentMode.OFF), false);
        register("early", 5, 4, new Decision.Allow(PERMIT, IdentMode.OFF), false);

        assertThat(commands.check("10.0.0.1", "192.0.2.1", "80")).isInstanceOfSatisfying(CheckReport.Decided.class,
                decided -> assertThat(decided.policy()).isEqualTo("early"));
        assertThat(commands.policies()).hasToString("""
                   name   ranking  service.id  bundle
                *  early        5           4  sockd.access [7]
                   late         5           9  sockd.access [7]
                   low         -1           1  sockd.access [7]
                * in use: the highest ranking, then the lowest service.id""");
    }

    @Test
    void withNoPolicyEveryRequestIsRefused() throws Exception {
        assertThat(commands.check("10.0.0.1", "192.0.2.1", "80")).hasToString(
                "no access policy registered: every request is refused");
        assertThat(commands.policies()).hasToString("no access policy registered: every request is refused");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            host.example.com | 192.0.2.1       | 80            | SRC must be the client's IPv4 or IPv6 address
            010.0.0.1        | 192.0.2.1       | 80            | SRC '010.0.0.1' is not a plain dotted quad
            10.0.0.256       | 192.0.2.1       | 80            | SRC '10.0.0.256' has a part greater than 255
            1::2::3          | 192.0.2.1       | 80            | SRC '1::2::3' is not a valid IPv6 address
            10.0.0.1         | 0x7f000001      | 80            | DST '0x7f000001' is not a plain dotted quad
            10.0.0.1         | 127.1           | 80            | DST '127.1' is not a plain dotted quad
            10.0.0.1         | bad host!       | 80            | DST must be an IPv4 or IPv6 address or a host name
            10.0.0.1         | 192.0.2.1       | 65536         | PORT must be a number from 0 to 65535 or a tcp service name
            10.0.0.1         | 192.0.2.1       | nosuchservice | PORT must be a number from 0 to 65535 or a tcp service name
            """)
    void badInputIsRefusedWithAMessageToActOn(String source, String destination, String port, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> commands.check(source, destination, port))
                .withMessageStartingWith(message);
        assertThat(names.asked).isEmpty();
    }

    private FakePolicy register(String name, int ranking, long id, Decision answer, boolean needsNames) {
        FakePolicy policy = new FakePolicy(answer, needsNames);
        policies.add(new PolicyService(policy,
                new RegisteredService(ServiceKind.ACCESS_POLICY, name, ranking, id, "sockd.access [7]")));
        return policy;
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static final class FakePolicy implements AccessPolicy {
        final List<ConnectRequest> asked = new ArrayList<>();
        private final Decision answer;
        private final boolean needsNames;

        FakePolicy(Decision answer, boolean needsNames) {
            this.answer = answer;
            this.needsNames = needsNames;
        }

        @Override
        public Decision decide(ConnectRequest request) {
            asked.add(request);
            return answer;
        }

        @Override
        public boolean needsClientNames() {
            return needsNames;
        }
    }

    /** Answers from a table; records every question. */
    private static final class FakeNames implements NameLookup {
        final List<String> asked = new ArrayList<>();
        private final Map<String, List<?>> answers;

        FakeNames(Map<String, List<?>> answers) {
            this.answers = answers;
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<InetAddress> addresses(String host) {
            asked.add(host);
            return (List<InetAddress>) answers.getOrDefault(host, List.of());
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<String> confirmedNames(InetAddress address) {
            asked.add(address.getHostAddress());
            return (List<String>) answers.getOrDefault(address.getHostAddress(), List.of());
        }
    }
}
