package org.sockd.core.internal.chain;

import java.net.InetSocketAddress;
import org.sockd.api.Command;

/** What our client is told about the address an upstream reported. */
final class Reported {

    private Reported() {
    }

    /**
     * A wildcard is no address a client can use: for BIND it means the upstream's own address (the
     * classic client substituted it; ours would substitute this daemon's), for CONNECT our end of
     * the connection stands in, as on a direct path.
     */
    static InetSocketAddress bound(InetSocketAddress reported, InetSocketAddress local, InetSocketAddress server,
            Command command) {
        if (reported.isUnresolved() || !reported.getAddress().isAnyLocalAddress()) {
            return reported;
        }
        if (command == Command.BIND) {
            return new InetSocketAddress(server.getAddress(), reported.getPort());
        }
        return local;
    }
}
