package org.sockd.core.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.action.Action;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.upstream.Login;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.UpstreamSelector;
import org.sockd.core.internal.chain.Dialed;

/**
 * The step after sockd.conf permitted a request: socks.conf (the upstream selector the session
 * started with) chooses the path, which can only refuse more, never let more through. Its line's
 * command runs whatever the path, and then the command is carried out directly or through upstreams.
 */
final class NextHopStep {

    private static final Logger LOG = LoggerFactory.getLogger(NextHopStep.class);

    private final Exchange exchange;
    private final Consumer<Action> submit;
    private final ForwardableLogin login;

    NextHopStep(Exchange exchange, Consumer<Action> submit, ForwardableLogin login) {
        this.exchange = exchange;
        this.submit = submit;
        this.login = login;
    }

    /** No selector means the daemon is not SOCKSified: every permitted request goes direct. */
    static NextHop choose(UpstreamSelector selector, ConnectRequest request) {
        if (selector == null) {
            return new NextHop.Direct(null);
        }
        try {
            NextHop hop = selector.select(request);
            return hop != null ? hop : new NextHop.Deny("upstream selector returned no next hop", null);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            LOG.error("upstream selector {} failed; refusing the request", selector, e);
            return new NextHop.Deny("upstream selector failed", null);
        }
    }

    void carryOut() throws IOException, InterruptedException {
        NextHop hop = choose(exchange.policies().upstreams(), exchange.info().request());
        Login forwarded = login.takeFor(hop);
        switch (hop) {
            case NextHop.Deny deny -> {
                runCommand(deny.rule());
                LOG.info("session {}: {}", exchange.live().id(), deny.reason());
                exchange.refuse("upstream", new SessionEvent.Refused(exchange.info(), deny.reason(), refuser(deny)),
                        Refusal.NOT_ALLOWED);
            }
            case NextHop.Direct direct -> {
                runCommand(direct.rule());
                direct();
            }
            case NextHop.Try through -> {
                runCommand(through.rule());
                through(through, forwarded);
            }
        }
    }

    private void direct() throws IOException, InterruptedException {
        switch (exchange.request().command()) {
            case CONNECT -> new ConnectCommand(exchange).serve();
            case BIND -> new BindCommand(exchange).serve();
            case UDP_ASSOCIATE -> new UdpAssociateCommand(exchange).serve();
        }
    }

    /** UDP cannot go through an upstream, and never goes direct instead: fail closed. */
    /** @param forwarded the client's login, when one of the upstreams forwards it; else {@code null} */
    private void through(NextHop.Try hop, Login forwarded) throws IOException, InterruptedException {
        if (exchange.request().command() == Command.UDP_ASSOCIATE) {
            exchange.refuse("upstream", new SessionEvent.Refused(exchange.info(), "socks.conf line " + hop.rule().line()
                    + " sends it to an upstream, which cannot carry UDP", "socks.conf line " + hop.rule().line()),
                    Refusal.NOT_ALLOWED);
            return;
        }
        Optional<Dialed.Connected> connected = Chain.dial(exchange, hop, forwarded);
        if (connected.isPresent() && exchange.request().command() == Command.BIND) {
            new ChainedBind(exchange).serve(connected.get());
        } else if (connected.isPresent()) {
            Chain.relay(exchange, connected.get());
        }
    }

    /** {@code refused -- <req> by socks.conf line 3}; a refusal without a line says why instead. */
    static String refuser(NextHop.Deny deny) {
        return deny.rule() != null ? "socks.conf line " + deny.rule().line() : "socks.conf (" + deny.reason() + ")";
    }

    private void runCommand(MatchedRule rule) {
        Verdicts.ruleCommand(rule, exchange.info().request(), exchange.info().ident()).forEach(submit);
    }
}
