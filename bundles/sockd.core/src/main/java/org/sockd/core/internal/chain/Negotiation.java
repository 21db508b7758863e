package org.sockd.core.internal.chain;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.sockd.api.Command;
import org.sockd.api.upstream.Upstream;

/**
 * Speaks an upstream's protocol over a connected channel, within one deadline for the whole
 * exchange. Every way it can go wrong on the wire (closed, reset, timed out, bad bytes) comes
 * back as {@link HopAnswer.Failed}, never as an exception.
 */
final class Negotiation {

    private Negotiation() {
    }

    /** The request and its (first) reply. */
    static HopAnswer first(SocketChannel channel, Upstream upstream, Plan.Speak plan, Command command,
            Duration timeout) {
        try {
            HopInput in = new HopInput(channel, timeout);
            // not closed: closing the stream would close the channel
            OutputStream out = Channels.newOutputStream(channel);
            return switch (upstream.protocol()) {
                case SOCKS4, SOCKS4A -> Socks4Hop.negotiate(in, out, command, plan.sent(), plan.userId());
                case SOCKS5 -> Socks5Hop.negotiate(in, out, command, plan.sent(), plan.login());
                case HTTP -> HttpHop.negotiate(in, out, plan.sent(), plan.login());
            };
        } catch (IOException e) {
            return failed(e, timeout);
        }
    }

    /** The second reply of a BIND: the peer that connected to the upstream, or why none did. */
    static HopAnswer second(Dialed.Connected connected, Duration timeout) {
        try {
            HopInput in = new HopInput(connected.channel(), timeout);
            return switch (connected.upstream().protocol()) {
                case SOCKS4, SOCKS4A -> Socks4Hop.reply(in);
                case SOCKS5 -> Socks5Hop.reply(in, Command.BIND);
                case HTTP -> new HopAnswer.Failed("HTTP CONNECT has no second reply");
            };
        } catch (IOException e) {
            return failed(e, timeout);
        }
    }

    private static HopAnswer.Failed failed(IOException e, Duration timeout) {
        return new HopAnswer.Failed(e instanceof SocketTimeoutException
                ? "no answer within " + timeout.toMillis() + " ms"
                : Egress.describe(e));
    }
}
