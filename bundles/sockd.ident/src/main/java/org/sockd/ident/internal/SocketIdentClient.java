package org.sockd.ident.internal;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.ident.IdentClient;
import org.sockd.api.ident.IdentResult;

/** Asks identd over a plain socket, each lookup on its own virtual thread. */
@Component(name = "sockd.ident", service = IdentClient.class)
@Designate(ocd = SocketIdentClient.Config.class)
public class SocketIdentClient implements IdentClient {

    @ObjectClassDefinition(name = "sockd ident client (RFC 1413)")
    public @interface Config {
        @AttributeDefinition(description = "Milliseconds for connecting, sending the query and reading the answer "
                + "together (the classic IDENTD_TIMEOUT is 15 s)")
        int timeout_ms() default 15000;

        @AttributeDefinition(description = "Characters of an answer line after which the client gives up (RFC 1413: 1000)")
        int max_answer() default 1000;

        @AttributeDefinition(description = "The identd port on the client's host")
        int port() default 113;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SocketIdentClient.class);

    private final IdentExchange exchange;
    // A factory, unlike a Thread.Builder, may be shared by concurrent lookups.
    private final ThreadFactory threads = Thread.ofVirtual().name("sockd-ident-", 0).factory();

    @Activate
    public SocketIdentClient(Config config) {
        this.exchange = new IdentExchange(config.port(), config.timeout_ms(), config.max_answer());
    }

    @Override
    public CompletionStage<IdentResult> lookup(InetSocketAddress client, InetSocketAddress server) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        CompletableFuture<IdentResult> result = new CompletableFuture<>();
        threads.newThread(() -> result.complete(ask(client, server))).start();
        return result;
    }

    private IdentResult ask(InetSocketAddress client, InetSocketAddress server) {
        IdentResult result;
        try {
            result = exchange.ask(client, server);
        } catch (RuntimeException e) {
            // The contract is to complete normally; a bug here must not leave the session hanging.
            LOG.warn("ident lookup {} -> {} failed", server, client, e);
            result = new IdentResult.Unreachable("lookup failed: " + e);
        }
        LOG.debug("ident lookup {} -> {}: {}", server, client, result);
        return result;
    }
}
