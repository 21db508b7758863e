package org.sockd.core.internal;

import java.util.Optional;
import org.sockd.api.Command;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.protocol.SocksRequest;

/** Destinations refused whatever the rules say, before anything is looked up or decided. */
final class RequestCheck {

    private RequestCheck() {
    }

    /** @return why the request is refused, or empty when the rules may decide it */
    static Optional<String> refusal(SocksRequest request) {
        if (request.command() != Command.CONNECT) {
            // BIND's destination names the peer to expect and UDP ASSOCIATE's the client's own
            // address; port 0 there means "not known yet" (RFC 1928, section 4)
            return Optional.empty();
        }
        Endpoint destination = request.destination();
        if (destination.port() == 0) {
            return Optional.of("destination port 0");
        }
        if (request.version() == SocksVersion.SOCKS4 && destination.address().isAnyLocalAddress()) {
            // 0.0.0.0 connects to this host; 0.0.0.x with x != 0 announced a SOCKS 4A name instead
            return Optional.of("SOCKS 4 destination 0.0.0.0");
        }
        return Optional.empty();
    }
}
