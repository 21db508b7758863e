package org.sockd.core.internal;

import java.net.InetSocketAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sockd.api.ident.IdentClient;
import org.sockd.api.ident.IdentResult;

/**
 * Waits for the ident client on the session's virtual thread (parking it, not a platform thread).
 * No client registered, or none that answers in time, counts as identd unreachable.
 *
 * @param identClient the ident client of the session, or {@code null} when none is registered
 * @param client the client's end of the connection to ask about (its address is the identd host)
 * @param server the daemon's end of that connection (see {@link Arrival#identServer()})
 * @param waitMillis how long to wait for the answer
 */
record IdentQuery(IdentClient identClient, InetSocketAddress client, InetSocketAddress server, int waitMillis)
        implements Verdicts.IdentCheck {

    @Override
    public IdentResult check() throws InterruptedException {
        if (identClient == null) {
            return new IdentResult.Unreachable("no ident client registered");
        }
        try {
            return identClient.lookup(client, server).toCompletableFuture()
                    .get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new IdentResult.Unreachable("no answer within " + waitMillis + " ms");
        } catch (ExecutionException | RuntimeException e) {
            return new IdentResult.Unreachable("ident client failed: " + e);
        }
    }
}
