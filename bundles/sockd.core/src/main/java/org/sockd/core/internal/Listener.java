package org.sockd.core.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
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
import org.sockd.api.protocol.ProxyHeaderReader;
import org.sockd.common.io.Closing;
import org.sockd.common.net.AddressText;

/** One listening socket per factory configuration of {@code sockd.listener}. */
@Component(name = "sockd.listener", configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = Listener.Config.class, factory = true)
public class Listener {

    @ObjectClassDefinition(name = "sockd listener", description = "An address and port where clients are accepted")
    public @interface Config {
        @AttributeDefinition(description = "Local address to listen on (IPv4 or IPv6 literal)")
        String address() default "127.0.0.1";

        @AttributeDefinition(description = "TCP port; 0 picks a free one")
        int port() default 1080;

        @AttributeDefinition(description = "Connections the kernel may queue before they are accepted")
        int backlog() default 1024;

        @AttributeDefinition(description = "\"required\": every connection must come from a network in "
                + "proxy.trusted and open with a PROXY protocol header (version 1 or 2), whose client is then "
                + "served in the balancer's place; \"off\": connections are served as they come")
        String proxy_protocol() default ListenerOptions.PROXY_OFF;

        @AttributeDefinition(description = "Networks of the load balancers that send the PROXY protocol header, "
                + "as address/prefix (10.0.0.0/8, ::1/128); required with proxy.protocol = \"required\"")
        String[] proxy_trusted() default {};

        @AttributeDefinition(description = "IP address that BIND and UDP ASSOCIATE replies name instead of the "
                + "local one, for a node behind NAT or a load balancer; empty: the local address")
        String advertise_address() default "";

        // Named with advertise.address because the two are one endpoint: what UDP ASSOCIATE replies
        // name. The port a reply names is the port bound (a NAT or balancer forwards the same range).
        @AttributeDefinition(description = "Ports (FIRST-LAST, like 40000-40099) that the relay socket of each UDP "
                + "ASSOCIATE binds and its reply names, for a NAT or load balancer that forwards a known range; an "
                + "association finding every port in use is refused; empty: any free port")
        String advertise_udp_ports() default "";
    }

    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);

    private final ListeningSocket socket;
    private final SessionDispatcher dispatcher;
    private final ServiceRegistration<ListenerInfo> registration;
    private final ListenerTerms terms;
    private final Optional<Drain> drain;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    private volatile ProxyHeaderReader proxyHeaders;

    @Activate
    public Listener(Config config, Map<String, Object> componentProperties, @Reference SessionDispatcher dispatcher,
            BundleContext context) throws IOException {
        this(componentProperties.get(Constants.SERVICE_PID),
                checked(config, componentProperties.get(Constants.SERVICE_PID)), config, dispatcher, context);
    }

    /** The options are checked before the socket is bound, so a bad configuration binds nothing. */
    private Listener(Object pid, ListenerOptions options, Config config, SessionDispatcher dispatcher,
            BundleContext context) throws IOException {
        this(ListeningSocket.bind(new InetSocketAddress(config.address(), config.port()), config.backlog()),
                config.backlog(), dispatcher, dispatcher.listenerDrain(), context, pid, options);
    }

    /**
     * Serves on a socket that is already listening, such as one inherited from inetd or systemd. Such
     * a socket stays open while the node drains (it could not be had again); the core closes the
     * clients it accepts meanwhile.
     *
     * @param pid the configuration's PID, or {@code null} when no configuration made this listener
     */
    Listener(ServerSocketChannel server, SessionDispatcher dispatcher, BundleContext context, Object pid,
            ListenerOptions options) throws IOException {
        this(server, 0, dispatcher, Optional.empty(), context, pid, options);
    }

    private Listener(ServerSocketChannel server, int backlog, SessionDispatcher dispatcher, Optional<Drain> drain,
            BundleContext context, Object pid, ListenerOptions options) throws IOException {
        this.dispatcher = dispatcher;
        InetSocketAddress bound = (InetSocketAddress) server.getLocalAddress();
        String name = AddressText.of(bound) + (pid != null ? " (" + pid + ")" : "");
        this.terms = new ListenerTerms(options.proxyTrusted()
                .map(trusted -> new ProxyGate(name, trusted, () -> proxyHeaders)), options.advertised(),
                options.udpPorts());
        this.socket = new ListeningSocket(server, backlog, this::handOff);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ListenerInfo.ADDRESS, AddressText.of(bound));
        properties.put(ListenerInfo.PROXY_PROTOCOL,
                terms.proxy().isPresent() ? ListenerOptions.PROXY_REQUIRED : ListenerOptions.PROXY_OFF);
        // the configuration's PID tells an administrator (or a test) which listener this is
        if (pid != null) {
            properties.put(Constants.SERVICE_PID, pid);
        }
        this.registration = context.registerService(ListenerInfo.class, new Info(bound, terms.proxy()), properties);
        this.drain = drain;
        drain.ifPresent(d -> d.add(socket));
        LOG.info("listening on {}{}", AddressText.of(bound), terms.proxy().isPresent()
                ? ", for PROXY protocol headers from " + options.proxyTrusted().get() : "");
    }

    private static ListenerOptions checked(Config config, Object pid) {
        try {
            return ListenerOptions.of(config, pid);
        } catch (IllegalArgumentException e) {
            LOG.error("error -- {}", e.getMessage());
            throw e;
        }
    }

    private record Info(InetSocketAddress address, Optional<ProxyGate> proxy) implements ListenerInfo {
        @Override
        public long proxyHeadersRefused() {
            return proxy.map(ProxyGate::refused).orElse(0L);
        }
    }

    private void handOff(SocketChannel client) {
        try {
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            // the session finds out what is wrong with the connection and logs it
        }
        if (terms.proxy().isPresent() && !terms.proxy().get().trusts(client)) {
            Closing.quietly(client);
            return;
        }
        dispatcher.dispatch(client, terms);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        drain.ifPresent(d -> d.remove(socket));
        socket.close();
        LOG.info("no longer listening on {}", socket);
    }
}
