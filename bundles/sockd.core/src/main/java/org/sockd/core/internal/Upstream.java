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
     */
    record Failed(Refusal refusal, String error, boolean timedOut) implements Outcome {
    }

    private Upstream() {
    }

    /** Tries each address in turn until one answers, all within {@code timeoutMillis}. */
    static Outcome connect(List<InetAddress> addresses, int port, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        Failed last = new Failed(Refusal.HOST_UNREACHABLE, "unknown host", false);
        for (int i = 0; i < addresses.size(); i++) {
            InetAddress address = addresses.get(i);
            // an address that drops packets must leave time for the ones after it
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000 / (addresses.size() - i));
            SocketChannel channel = null;
            try {
                channel = SocketChannel.open();
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.socket().connect(new InetSocketAddress(address, port), (int) Math.min(left, Integer.MAX_VALUE));
                return new Connected(channel);
            } catch (IOException e) {
                closeQuietly(channel);
                last = failure(e);
                if (last.timedOut()) {
                    return last;
                }
            }
        }
        return last;
    }

    static Failed failure(IOException e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
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

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was sent on it
            }
        }
    }
}
