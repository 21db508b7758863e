package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockd.api.ident.IdentClient;
import org.sockd.api.ident.IdentResult;
import org.sockd.common.testing.Await;

@Timeout(30)
class IdentQueryTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.2", 40000);
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 1080);

    /** The answers not given yet, one per lookup asked. */
    private final List<CompletableFuture<IdentResult>> asked = new CopyOnWriteArrayList<>();
    private final IdentClient identd = (client, server) -> {
        CompletableFuture<IdentResult> answer = new CompletableFuture<>();
        asked.add(answer);
        return answer;
    };
    private final ClientSlots lookups = new ClientSlots("max.ident.lookups", null);

    private IdentQuery query(int cap) {
        return new IdentQuery(identd, CLIENT, SERVER, 20_000, lookups, new ClientSlots.Caps(cap, 0));
    }

    @Test
    void aLookupBeyondTheCapIsNotAskedAndCountsAsUnreachable() throws Exception {
        CompletableFuture<IdentResult> first = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                first.complete(query(1).check());
            } catch (InterruptedException e) {
                first.completeExceptionally(e);
            }
        });
        Await.until(() -> asked.size() == 1, "the first lookup asked");

        assertThat(query(1).check()).isEqualTo(
                new IdentResult.Unreachable("not asked: max.ident.lookups 1 lookups in flight"));
        assertThat(asked).hasSize(1);

        asked.getFirst().complete(new IdentResult.User("UNIX", "joe"));
        assertThat(first.get()).isEqualTo(new IdentResult.User("UNIX", "joe"));
        Thread.ofVirtual().start(() -> {
            try {
                query(1).check();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Await.until(() -> asked.size() == 2, "a lookup asked once the first was answered");
        asked.get(1).complete(new IdentResult.User("UNIX", "ann"));
    }

    @Test
    void zeroAsksEveryLookup() throws Exception {
        for (int i = 0; i < 3; i++) {
            Thread.ofVirtual().start(() -> {
                try {
                    query(0).check();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        Await.until(() -> asked.size() == 3, "three lookups in flight at once");
        asked.forEach(answer -> answer.complete(new IdentResult.User("UNIX", "joe")));
    }
}
