package org.sockd.api.ident;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Asks the identd on a client's host (RFC 1413, TCP port 113) who owns the client's connection.
 * The core asks only when the access decision calls for an ident check; with no client
 * registered, identd counts as unreachable.
 */
@ConsumerType
public interface IdentClient {

    /**
     * Starts a lookup and returns at once. The stage always completes, within the client's own
     * timeout, and never exceptionally: failures are {@link IdentResult.Unreachable}.
     *
     * @param client the client's end of the connection (its address is the identd host)
     * @param server the daemon's end of the same connection (the query is made from its address)
     * @return the answer
     */
    CompletionStage<IdentResult> lookup(InetSocketAddress client, InetSocketAddress server);
}
