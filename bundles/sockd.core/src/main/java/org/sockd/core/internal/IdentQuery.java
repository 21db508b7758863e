package org.sockd.core.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sockd.api.ClientInfo;
import org.sockd.api.ident.IdentClient;
import org.sockd.api.ident.IdentResult;

/**
 * Waits for the ident client on the session's virtual thread (parking it, not a platform thread).
 * No client registered, or none that answers in time, counts as identd unreachable.
 *
 * @param identClient the ident client of the session, or {@code null} when none is registered
 * @param client the connection to ask about
 * @param waitMillis how long to wait for the answer
 */
record IdentQuery(IdentClient identClient, ClientInfo client, int waitMillis) implements Verdicts.IdentCheck {

    @Override
    public IdentResult check() throws InterruptedException {
        if (identClient == null) {
            return new IdentResult.Unreachable("no ident client registered");
        }
        try {
            return identClient.lookup(client.remote(), client.local()).toCompletableFuture()
                    .get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new IdentResult.Unreachable("no answer within " + waitMillis + " ms");
        } catch (ExecutionException | RuntimeException e) {
            return new IdentResult.Unreachable("ident client failed: " + e);
        }
    }
}
