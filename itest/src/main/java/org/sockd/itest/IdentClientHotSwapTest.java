package org.sockd.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.ident.IdentClient;
import org.sockd.api.ident.IdentResult;

/**
 * The ident client is a policy like the others: a better-ranked one answers the next check, and
 * with none registered identd counts as unreachable (strict refuses with 92, lenient goes on).
 */
class IdentClientHotSwapTest extends DaemonTest {

    private static final int GRANTED = 90;
    private static final int NO_IDENTD = 92;
    private static final int BAD_ID = 93;

    @BeforeEach
    void start() throws Exception {
        startDaemon("ident", Map.of());
    }

    @Test
    void aBetterRankedIdentClientAnswersTheNextCheck() throws Exception {
        permitWithIdent(IdentMode.STRICT);
        registrations.add(identClient(10, "joe"));
        assertEquals(GRANTED, socks4("joe"));

        ServiceRegistration<?> better = identClient(20, "sam");
        assertEquals(BAD_ID, socks4("joe"), "the better-ranked client names sam");

        better.unregister();
        assertEquals(GRANTED, socks4("joe"), "withdrawing it brings the other back");
    }

    @Test
    void withoutAnIdentClientStrictRefusesWith92() throws Exception {
        permitWithIdent(IdentMode.STRICT);
        assertEquals(NO_IDENTD, socks4("joe"));
    }

    @Test
    void withoutAnIdentClientLenientGoesOn() throws Exception {
        permitWithIdent(IdentMode.LENIENT);
        assertEquals(GRANTED, socks4("joe"));
    }

    private void permitWithIdent(IdentMode mode) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(AccessPolicy.NAME, "ident-" + mode);
        AccessPolicy policy = request -> new Decision.Allow(new MatchedRule("itest", 1, "permit ?=" + mode), mode);
        registrations.add(context.registerService(AccessPolicy.class, policy, properties));
    }

    private ServiceRegistration<IdentClient> identClient(int ranking, String user) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, ranking);
        IdentClient client = (remote, local) -> CompletableFuture.completedFuture(new IdentResult.User("UNIX", user));
        return context.registerService(IdentClient.class, client, properties);
    }

    /** A SOCKS 4 CONNECT claiming {@code user}; returns the reply code. */
    private int socks4(String user) throws IOException {
        return Socks4Client.connect(proxy(), echo.address(), user, 5000);
    }
}
