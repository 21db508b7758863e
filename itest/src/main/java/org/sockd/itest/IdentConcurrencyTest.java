package org.sockd.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.ident.IdentClient;
import org.sockd.api.ident.IdentResult;

/** Ident checks do not serialise clients: 200 at once whose identd takes 1 s are decided in about 1 s. */
class IdentConcurrencyTest extends DaemonTest {

    private static final int CLIENTS = 200;
    private static final long IDENTD_DELAY_MS = 1000;

    @BeforeEach
    void start() throws Exception {
        // 200 clients of one address at once are this test's load, which the rate of one address would cut
        startDaemon("ident-load", Map.of("connect.rate.per.client", 0));
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(AccessPolicy.NAME, "strict ident");
        AccessPolicy strict = request -> new Decision.Allow(new MatchedRule("itest", 1, "permit ?=I"), IdentMode.STRICT);
        registrations.add(context.registerService(AccessPolicy.class, strict, properties));
        IdentClient slow = (client, server) -> CompletableFuture.supplyAsync(() -> new IdentResult.User("UNIX", "joe"),
                CompletableFuture.delayedExecutor(IDENTD_DELAY_MS, TimeUnit.MILLISECONDS));
        registrations.add(context.registerService(IdentClient.class, slow, null));
    }

    @Test
    void twoHundredClientsWithASlowIdentdAreDecidedTogether() throws Exception {
        long start = System.nanoTime();
        List<Future<Integer>> replies = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CLIENTS; i++) {
                replies.add(clients.submit(this::socks4Joe));
            }
            for (Future<Integer> reply : replies) {
                assertEquals(90, reply.get(30, TimeUnit.SECONDS));
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("ident concurrency: %d clients, identd delay %d ms, all decided in %d ms%n",
                CLIENTS, IDENTD_DELAY_MS, millis);
        assertTrue(millis < 5 * IDENTD_DELAY_MS, "took " + millis + " ms: ident checks were serialised");
    }

    private int socks4Joe() throws Exception {
        return Socks4Client.connect(proxy(), echo.address(), "joe", 20_000);
    }
}
