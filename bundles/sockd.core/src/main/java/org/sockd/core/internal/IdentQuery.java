package org.sockd.core.internal;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sockd.api.ident.IdentClient;
import org.sockd.api.ident.IdentResult;

/**
 * Waits for the ident client on the session's virtual thread (parking it, not a platform thread).
 * No client registered, or none that answers in time, counts as identd unreachable. So does a
 * lookup beyond the caps on lookups in flight: a flood of clients cannot turn the daemon into a
 * source of ident connections to their hosts.
 *
 * @param identClient the ident client of the session, or {@code null} when none is registered
 * @param client the client's end of the connection to ask about (its address is the identd host)
 * @param server the daemon's end of that connection (see {@link Arrival#identServer()})
 * @param waitMillis how long to wait for the answer
 * @param lookups the lookups in flight
 * @param caps the cap on them
 */
record IdentQuery(IdentClient identClient, InetSocketAddress client, InetSocketAddress server, int waitMillis,
        ClientSlots lookups, ClientSlots.Caps caps) implements Verdicts.IdentCheck {

    @Override
    public IdentResult check() throws InterruptedException {
        if (identClient == null) {
            return new IdentResult.Unreachable("no ident client registered");
        }
        Optional<String> full = lookups.take(client.getAddress(), caps);
        if (full.isPresent()) {
            return new IdentResult.Unreachable("not asked: " + full.get() + " lookups in flight");
        }
        try {
            return identClient.lookup(client, server).toCompletableFuture()
                    .get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new IdentResult.Unreachable("no answer within " + waitMillis + " ms");
        } catch (ExecutionException | RuntimeException e) {
            return new IdentResult.Unreachable("ident client failed: " + e);
        } finally {
            lookups.release(client.getAddress());
        }
    }
}
