package org.sockd.http.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.admin.ListenerInfo;
import org.sockd.api.admin.Node;
import org.sockd.api.admin.ServedEndpoint;
import org.sockd.api.metrics.DaemonMetrics;

/**
 * Serves {@code /health/live}, {@code /health/ready} and {@code /metrics} on the JDK's own HTTP
 * server, only while the PID {@code sockd.http} is configured (man/sockd.8, "Health checks and
 * metrics"). The JDK server needs no HTTP bundles at all, which keeps the daemon's start and memory
 * as they were.
 */
@Component(name = HttpEndpoints.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = ServedEndpoint.class,
        immediate = true)
@Designate(ocd = HttpEndpoints.Config.class)
public class HttpEndpoints implements ServedEndpoint {

    static final String PID = "sockd.http";

    @ObjectClassDefinition(name = "sockd health and metrics over HTTP",
            description = "Off unless this configuration exists and names a port")
    public @interface Config {
        @AttributeDefinition(description = "TCP port to serve on (1-65535); required, there is no default")
        int port();

        @AttributeDefinition(description = "Local address to serve on; the endpoints have no authentication, so "
                + "keep it on loopback or an administration network")
        String address() default "127.0.0.1";
    }

    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoints.class);

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC)
    private volatile List<ListenerInfo> listeners;

    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;

    @Activate
    public HttpEndpoints(Config config, @Reference DaemonMetrics metrics, @Reference Node node) throws IOException {
        if (config.port() < 1 || config.port() > 65535) {
            throw new IllegalArgumentException(PID + ": port must be 1-65535, not " + config.port()
                    + " (remove the configuration " + PID + " to serve no health checks and metrics)");
        }
        InetSocketAddress address = new InetSocketAddress(config.address(), config.port());
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            LOG.error("{}: cannot serve health checks and metrics on {}:{}: {}", PID, config.address(), config.port(),
                    e.getMessage());
            requests.close();
            throw e;
        }
        server.createContext("/", new Endpoints(metrics, new ReadyCheck(node, () -> !listeners.isEmpty()),
                () -> listeners.stream().mapToLong(ListenerInfo::proxyHeadersRefused).sum()));
        server.setExecutor(requests);
        server.start();
        LOG.info("health checks and metrics on http://{}:{}/", config.address(), server.getAddress().getPort());
    }

    /** Registered as a {@link ServedEndpoint}, so that the destination guard keeps SOCKS clients off it. */
    @Override
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Deactivate
    void deactivate() {
        server.stop(0);
        requests.close();
    }
}
