package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.admin.Readiness;
import org.sockd.api.auth.Authenticator;
import org.sockd.api.route.RouteSelector;
import org.sockd.api.upstream.UpstreamSelector;

/** Ready means new clients get what the configuration asks for: the same stand-ins the sessions would get decide it. */
class ReadinessCheckTest {

    private static final AccessPolicy PERMIT_NONE = request -> new Decision.Deny("no rule", null);

    @Test
    void aNodeWithAnAccessPolicyAndNothingMissingIsReady() {
        assertThat(ReadinessCheck.of(policies(PERMIT_NONE, List.of(), null, null), false))
                .isEqualTo(new Readiness.Ready());
    }

    @Test
    void eachMissingPolicyNamesWhatIsMissing() {
        assertThat(reason(policies(null, List.of(), null, null))).isEqualTo(
                "no access policy is registered: every request is refused");
        assertThat(reason(policies(PERMIT_NONE, List.of(Unavailable.AUTHENTICATOR), null, null))).isEqualTo(
                "sockd.core auth.required is set but no authenticator is registered");
        assertThat(reason(policies(PERMIT_NONE, List.of(), Unavailable.ROUTES, null))).isEqualTo(
                "sockd.core route.required is set but no route selector is registered");
        assertThat(reason(policies(PERMIT_NONE, List.of(), null, Unavailable.UPSTREAMS))).isEqualTo(
                "sockd.core upstream.required is set but no upstream selector is registered");
    }

    @Test
    void aDrainingNodeIsNotReadyWhateverItsPolicies() {
        assertThat(ReadinessCheck.of(policies(PERMIT_NONE, List.of(), null, null), true))
                .isEqualTo(new Readiness.NotReady("draining"));
    }

    private static String reason(Policies policies) {
        return ((Readiness.NotReady) ReadinessCheck.of(policies, false)).reason();
    }

    private static Policies policies(AccessPolicy access, List<Authenticator> authenticators, RouteSelector routes,
            UpstreamSelector upstreams) {
        return new Policies(access, List.of(), Map.of(), null, null, authenticators, routes, upstreams);
    }
}
