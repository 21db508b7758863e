package org.sockd.itest;

import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;

/** Access policies the tests register and withdraw, each with a name and a ranking. */
final class Policies {

    private Policies() {
    }

    static ServiceRegistration<AccessPolicy> permitAll(BundleContext context, int ranking) {
        MatchedRule rule = new MatchedRule("itest", 1, "permit all");
        return register(context, ranking, "permit-all", request -> new Decision.Allow(rule, IdentMode.OFF));
    }

    static ServiceRegistration<AccessPolicy> denyAll(BundleContext context, int ranking) {
        MatchedRule rule = new MatchedRule("itest", 1, "deny all");
        return register(context, ranking, "deny-all", request -> new Decision.Deny("itest says no", rule));
    }

    /** A deny-all that asks the core to decide the live sessions again when it takes it into use. */
    static ServiceRegistration<AccessPolicy> denyAllRevalidating(BundleContext context, int ranking) {
        MatchedRule rule = new MatchedRule("itest", 1, "deny all");
        Dictionary<String, Object> properties = properties(ranking, "deny-all-revalidating");
        properties.put(AccessPolicy.REVALIDATE, true);
        return context.registerService(AccessPolicy.class, request -> new Decision.Deny("itest says no", rule), properties);
    }

    private static ServiceRegistration<AccessPolicy> register(BundleContext context, int ranking, String name,
            AccessPolicy policy) {
        return context.registerService(AccessPolicy.class, policy, properties(ranking, name));
    }

    private static Dictionary<String, Object> properties(int ranking, String name) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, ranking);
        properties.put(AccessPolicy.NAME, name);
        return properties;
    }
}
