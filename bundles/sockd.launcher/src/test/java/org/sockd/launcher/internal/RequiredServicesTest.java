package org.sockd.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.auth.Authenticator;
import org.sockd.api.route.RouteSelector;
import org.sockd.api.upstream.UpstreamSelector;

class RequiredServicesTest {

    private static final Set<Class<?>> EVERY_SERVICE = Set.of(AccessPolicy.class, Authenticator.class,
            RouteSelector.class, UpstreamSelector.class);

    @Test
    void withTheCoreAndAnAccessPolicyNothingIsMissingByDefault() {
        assertThat(RequiredServices.missing(Set.of(AccessPolicy.class)::contains, Map.<String, Object>of()::get))
                .isEmpty();
    }

    @Test
    void anAccessPolicyIsAlwaysRequired() {
        assertThat(RequiredServices.missing(Set.<Class<?>>of()::contains, Map.<String, Object>of()::get))
                .containsExactly("an access policy");
    }

    @Test
    void noCoreIsMissingToo() {
        assertThat(RequiredServices.missing(EVERY_SERVICE::contains, null)).containsExactly("the core");
    }

    @Test
    void aSelectorIsRequiredOnlyWhenTheCoresConfigurationSaysSo() {
        Map<String, Object> core = Map.of("route.required", true, "auth.required", "true", "upstream.required", false);
        assertThat(RequiredServices.missing(Set.of(AccessPolicy.class)::contains, core::get))
                .containsExactly("an authenticator (auth.required)", "a route selector (route.required)");
        assertThat(RequiredServices.missing(EVERY_SERVICE::contains, core::get)).isEmpty();
    }
}
