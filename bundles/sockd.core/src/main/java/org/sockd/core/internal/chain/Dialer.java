package org.sockd.core.internal.chain;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sockd.api.Command;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.route.Route;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.TryOutcome;
import org.sockd.api.upstream.Upstream;
import org.sockd.common.io.Closing;

/**
 * Carries one request through the upstreams of a {@link NextHop.Try}, in their order: each on every
 * address its name resolves to until one takes the TCP connection; then that upstream's answer
 * settles it, except that a failure of the upstream (bad bytes, a failure code, a rejected login)
 * moves on to the next upstream. A refusal is final. Each upstream tried is reported exactly once.
 */
public final class Dialer {

    private final HostResolver names;
    private final Function<InetAddress, Optional<Route>> routes;
    private final BiConsumer<Upstream, TryOutcome> reports;
    private final Duration budget;
    private final Consumer<SocketChannel> opened;

    /**
     * @param names resolves the upstreams' host names
     * @param routes the route to an upstream's address, or empty to let the system choose
     * @param reports where each upstream's outcome goes (the selector's {@code report})
     * @param budget the whole request's limit (the core's connect timeout) over all tries
     * @param opened told of each channel to an upstream as it is opened, so that ending the
     *        session (sockd:kill, shutdown) closes it even in the middle of a try
     */
    public Dialer(HostResolver names, Function<InetAddress, Optional<Route>> routes,
            BiConsumer<Upstream, TryOutcome> reports, Duration budget, Consumer<SocketChannel> opened) {
        this.names = names;
        this.routes = routes;
        this.reports = reports;
        this.budget = budget;
        this.opened = opened;
    }

    /**
     * @return {@link Dialed.Connected} with the channel right after the (first) reply, whose
     *         closing is then the caller's; {@link Dialed.Refused} when an upstream said no; else
     *         {@link Dialed.Failed}. Never throws for anything an upstream does.
     * @throws InterruptedException when the session's thread is interrupted while resolving
     */
    public Dialed dial(NextHop.Try hop, DialRequest request) throws InterruptedException {
        Tries tries = new Tries(hop.limits().maxTries(), budget);
        for (Upstream upstream : hop.upstreams()) {
            if (tries.exhausted()) {
                break;
            }
            switch (Addressing.plan(upstream, request)) {
                case Plan.Skip skip -> tries.passedOver(upstream, skip.reason(), skip.refusal());
                case Plan.Speak speak -> {
                    Optional<Dialed> settled = tryUpstream(upstream, speak, hop, request.command(), tries);
                    if (settled.isPresent()) {
                        return settled.get();
                    }
                }
            }
        }
        return new Dialed.Failed(tries.refusal(), tries.upstreams(), tries.failures());
    }

    /** @return the outcome when this upstream settled the request, empty to go on with the next one */
    private Optional<Dialed> tryUpstream(Upstream upstream, Plan.Speak speak, NextHop.Try hop, Command command,
            Tries tries) throws InterruptedException {
        tries.upstreamTried();
        List<InetAddress> addresses = names.resolve(upstream.host());
        if (addresses.isEmpty()) {
            tries.failed(Attempt.Kind.UPSTREAM, upstream, null, "unknown host");
            reports.accept(upstream, TryOutcome.FAILED);
            return Optional.empty();
        }
        boolean unreached = false;
        for (InetAddress address : addresses) {
            if (tries.exhausted()) {
                break;
            }
            InetSocketAddress server = new InetSocketAddress(address, upstream.port());
            tries.addressTried();
            switch (Egress.open(server, routes.apply(address), tries.within(upstream.connectTimeout()), opened)) {
                case Egress.LocalError local -> tries.failed(Attempt.Kind.LOCAL, upstream, server, local.reason());
                case Egress.Unreached failure -> {
                    tries.failed(Attempt.Kind.UPSTREAM, upstream, server, failure.reason());
                    unreached = true;
                }
                case Egress.Open open -> {
                    return answered(upstream, server, open, speak, hop, command, tries);
                }
            }
        }
        if (unreached) {
            reports.accept(upstream, TryOutcome.FAILED);
        }
        return Optional.empty();
    }

    /** The upstream took the connection: its answer is final unless it is a failure of the upstream. */
    private Optional<Dialed> answered(Upstream upstream, InetSocketAddress server, Egress.Open open, Plan.Speak speak,
            NextHop.Try hop, Command command, Tries tries) {
        HopAnswer answer = Negotiation.first(open.channel(), upstream, speak, command,
                tries.within(hop.limits().negotiateTimeout()));
        switch (answer) {
            case HopAnswer.Accepted accepted -> {
                reports.accept(upstream, TryOutcome.ACCEPTED);
                InetSocketAddress bound = Reported.bound(accepted.bound(), open.local(), server, command);
                return Optional.of(new Dialed.Connected(open.channel(), upstream, server, bound, tries.failures()));
            }
            case HopAnswer.Refused refused -> {
                Closing.quietly(open.channel());
                reports.accept(upstream, TryOutcome.REFUSED);
                return Optional.of(new Dialed.Refused(upstream, server, refused.code(), refused.refusal(),
                        tries.failures()));
            }
            case HopAnswer.Failed failed when !open.channel().isOpen() -> {
                // closed here, not by the upstream: the session ended, so no blame and no next try
                tries.failed(Attempt.Kind.LOCAL, upstream, server, failed.reason());
                return Optional.of(new Dialed.Failed(Refusal.GENERAL_FAILURE, tries.upstreams(), tries.failures()));
            }
            case HopAnswer.Failed failed -> {
                Closing.quietly(open.channel());
                tries.failed(Attempt.Kind.UPSTREAM, upstream, server, failed.reason());
                reports.accept(upstream, TryOutcome.FAILED);
                return Optional.empty();
            }
        }
    }
}
