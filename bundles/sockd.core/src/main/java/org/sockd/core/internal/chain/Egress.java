package org.sockd.core.internal.chain;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.sockd.api.route.Route;
import org.sockd.common.io.Closing;

/** Opens the TCP connection to one address of an upstream, from the local address its route names. */
final class Egress {

    /** The outcome of one TCP connect. */
    sealed interface Link {
    }

    /** @param local our end of the connection */
    record Open(SocketChannel channel, InetSocketAddress local) implements Link {
    }

    /** Failed here (no route, the routed address cannot be bound): no fault of the upstream. */
    record LocalError(String reason) implements Link {
    }

    /** The upstream did not take the connection: refused, unreachable or too slow. */
    record Unreached(String reason) implements Link {
    }

    private Egress() {
    }

    /**
     * @param route the route to the upstream's address, or empty to let the system choose
     * @param opened told of the channel before it connects, so that ending the session closes it
     */
    static Link open(InetSocketAddress server, Optional<Route> route, Duration timeout,
            Consumer<SocketChannel> opened) {
        if (route.orElse(null) instanceof Route.NoRoute none) {
            return new LocalError(none.reason());
        }
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            opened.accept(channel);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (route.orElse(null) instanceof Route.Via via) {
                try {
                    channel.bind(new InetSocketAddress(via.local(), 0));
                } catch (IOException e) {
                    Closing.quietly(channel);
                    return new LocalError(describe(e) + " (routed local address " + via.local().getHostAddress() + ")");
                }
            }
            channel.socket().connect(server, (int) Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE));
            return new Open(channel, (InetSocketAddress) channel.getLocalAddress());
        } catch (IOException e) {
            Closing.quietly(channel);
            return new Unreached(e instanceof SocketTimeoutException ? "Connection timed out" : describe(e));
        }
    }

    static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
