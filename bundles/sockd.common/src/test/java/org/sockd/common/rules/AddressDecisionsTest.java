package org.sockd.common.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;

class AddressDecisionsTest {

    private static final InetAddress A = address(1);
    private static final InetAddress B = address(2);
    private static final InetAddress C = address(3);
    private static final MatchedRule PERMIT_B = new MatchedRule("sockd.conf", 1, "permit to b");
    private static final MatchedRule PERMIT_C = new MatchedRule("sockd.conf", 2, "permit to c");
    private static final MatchedRule DENY = new MatchedRule("sockd.conf", 3, "deny");

    private final List<ConnectRequest> asked = new ArrayList<>();

    @Test
    void eachAddressIsDecidedAloneWithTheNameAndOnlyPermittedOnesAreKeptInOrder() {
        AddressDecisions.Decided decided = AddressDecisions.decide(rules(), request(A, B, C));

        assertThat(asked).extracting(ConnectRequest::resolved).containsExactly(List.of(A), List.of(B), List.of(C));
        assertThat(asked).extracting(ConnectRequest::destination).containsOnly(Endpoint.ofName("two.test", 80));
        assertThat(decided.request().resolved()).containsExactly(B, C);
        assertThat(decided.decision()).as("the first permitted address settles the request")
                .isEqualTo(new Decision.Allow(PERMIT_B, IdentMode.OFF));
    }

    @Test
    void whenNoAddressIsPermittedTheFirstOnesDecisionStands() {
        AddressDecisions.Decided decided = AddressDecisions.decide(rules(), request(A, A));

        assertThat(decided.decision()).isEqualTo(new Decision.Deny("deny rule", DENY));
        assertThat(decided.request().resolved()).containsExactly(A);
        assertThat(asked).hasSize(2);
    }

    @Test
    void aDestinationWithOneAddressOrNoneIsDecidedOnceAsItIs() {
        ConnectRequest none = request();
        assertThat(AddressDecisions.decide(rules(), none).request()).isSameAs(none);
        ConnectRequest one = request(B);
        assertThat(AddressDecisions.decide(rules(), one).request()).isSameAs(one);
        assertThat(asked).containsExactly(none, one);
    }

    private Function<ConnectRequest, Decision> rules() {
        return request -> {
            asked.add(request);
            if (request.resolved().equals(List.of(B))) {
                return new Decision.Allow(PERMIT_B, IdentMode.OFF);
            }
            return request.resolved().equals(List.of(C)) ? new Decision.Allow(PERMIT_C, IdentMode.OFF)
                    : new Decision.Deny("deny rule", DENY);
        };
    }

    private static ConnectRequest request(InetAddress... resolved) {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 1080);
        return new ConnectRequest(new ClientInfo(new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000),
                loopback), SocksVersion.SOCKS5, Command.CONNECT, Endpoint.ofName("two.test", 80), List.of(resolved), "",
                null);
    }

    private static InetAddress address(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) last});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
