package org.sockd.core.internal;

import java.net.InetSocketAddress;
import org.sockd.api.ClientInfo;

/**
 * Who a session serves: the peer that connected, or the client a trusted balancer's PROXY header
 * names in its place.
 *
 * @param client the client every later step sees (rules, limits, logs, sessions list); its local
 *        end is always this node's socket, which BIND and UDP ASSOCIATE bind beside
 * @param identServer the daemon's end of the connection the client's identd knows: this node's
 *        address (a query can only leave from here) with the port the client connected to, which is
 *        the balancer's for a proxied client
 */
record Arrival(ClientInfo client, InetSocketAddress identServer) {

    /** A client that connected to this node itself. */
    static Arrival direct(ClientInfo client) {
        return new Arrival(client, client.local());
    }
}
