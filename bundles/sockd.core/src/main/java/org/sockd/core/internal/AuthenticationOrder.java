package org.sockd.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sockd.api.auth.Authenticator;

/** Puts the registered authenticators in the administrator's order of preference. */
final class AuthenticationOrder {

    private AuthenticationOrder() {
    }

    /**
     * @param registered the authenticators in ascending ranking (the best-ranked last), as SCR gives them
     * @param preference method numbers, most wanted first
     * @return one authenticator per method (the best-ranked), the preferred methods first in their
     *         order, then the others by method number
     */
    static List<Authenticator> arrange(List<Authenticator> registered, int[] preference) {
        Map<Integer, Authenticator> byMethod = new LinkedHashMap<>();
        for (Authenticator authenticator : registered) {
            byMethod.put(authenticator.method(), authenticator); // a better-ranked one of the same method replaces
        }
        List<Authenticator> ordered = new ArrayList<>();
        for (int method : preference) {
            Authenticator authenticator = byMethod.remove(method);
            if (authenticator != null) {
                ordered.add(authenticator);
            }
        }
        byMethod.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).forEach(ordered::add);
        return ordered;
    }
}
