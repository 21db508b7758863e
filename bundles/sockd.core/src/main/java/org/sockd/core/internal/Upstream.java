package org.sockd.core.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.route.Route;
import org.sockd.api.route.RouteSelector;
import org.sockd.common.io.Closing;

/** Opens the outgoing connection to one of the addresses that the access policy checked. */
final class Upstream {

    /** The outcome of connecting. */
    sealed interface Outcome {
    }

    record Connected(SocketChannel channel) implements Outcome {
    }

    /**
     * @param refusal the reply code to send
     * @param error the system's description, for the log
     * @param timedOut true when the connect deadline passed
     * @param call what failed, in the classic style: connect, bind, route
     */
    record Failed(Refusal refusal, String error, boolean timedOut, String call) implements Outcome {
        Failed(Refusal refusal, String error, boolean timedOut) {
            this(refusal, error, timedOut, "connect");
        }
    }

    private Upstream() {
    }

    /**
     * Tries each address in turn until one answers, all within {@code timeoutMillis}, each leaving
     * from the local address its route names. An address with no route, or whose routed local
     * address cannot be bound, fails; there is no fallback to another interface.
     *
     * @param routes the route table, or {@code null}: the system picks the local address
     * @param name the destination name the client gave, or {@code null}
     */
    static Outcome connect(List<InetAddress> addresses, int port, long timeoutMillis, RouteSelector routes, String name) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        Failed last = new Failed(Refusal.HOST_UNREACHABLE, "unknown host", false);
        for (int i = 0; i < addresses.size(); i++) {
            InetAddress address = addresses.get(i);
            // an address that drops packets must leave time for the ones after it
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000 / (addresses.size() - i));
            InetAddress local = null;
            if (routes != null) {
                switch (routes.select(address, name)) {
                    case Route.NoRoute none -> {
                        last = new Failed(Refusal.NETWORK_UNREACHABLE, none.reason(), false, "route");
                        continue;
                    }
                    case Route.Via via -> local = via.local();
                }
            }
            SocketChannel channel = null;
            try {
                channel = SocketChannel.open();
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (local != null) {
                    try {
                        channel.bind(new InetSocketAddress(local, 0));
                    } catch (IOException e) {
                        Closing.quietly(channel);
                        last = new Failed(Refusal.GENERAL_FAILURE, describe(e) + " (routed local address "
                                + local.getHostAddress() + ")", false, "bind");
                        continue;
                    }
                }
                channel.socket().connect(new InetSocketAddress(address, port), (int) Math.min(left, Integer.MAX_VALUE));
                return new Connected(channel);
            } catch (IOException e) {
                Closing.quietly(channel);
                last = failure(e);
                if (last.timedOut()) {
                    return last;
                }
            }
        }
        return last;
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    static Failed failure(IOException e) {
        String message = describe(e);
        if (e instanceof SocketTimeoutException || message.contains("timed out")) {
            return new Failed(Refusal.HOST_UNREACHABLE, "Connection timed out", true);
        }
        if (e instanceof ConnectException) {
            return new Failed(Refusal.CONNECTION_REFUSED, message, false);
        }
        if (e instanceof NoRouteToHostException) {
            return new Failed(Refusal.HOST_UNREACHABLE, message, false);
        }
        if (message.contains("Network is unreachable")) {
            return new Failed(Refusal.NETWORK_UNREACHABLE, message, false);
        }
        return new Failed(Refusal.GENERAL_FAILURE, message, false);
    }
}
