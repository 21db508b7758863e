package org.sockd.core.internal;

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
    }

    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);

    private final ListeningSocket socket;
    private final SessionDispatcher dispatcher;
    private final ServiceRegistration<ListenerInfo> registration;
    private final Optional<Drain> drain;

    @Activate
    public Listener(Config config, Map<String, Object> componentProperties, @Reference SessionDispatcher dispatcher,
            BundleContext context) throws IOException {
        this(ListeningSocket.bind(new InetSocketAddress(config.address(), config.port()), config.backlog()),
                config.backlog(), dispatcher, dispatcher.listenerDrain(), context, componentProperties.get(Constants.SERVICE_PID));
    }

    /**
     * Serves on a socket that is already listening, such as one inherited from inetd or systemd. Such
     * a socket stays open while the node drains (it could not be had again); the core closes the
     * clients it accepts meanwhile.
     *
     * @param pid the configuration's PID, or {@code null} when no configuration made this listener
     */
    Listener(ServerSocketChannel server, SessionDispatcher dispatcher, BundleContext context, Object pid)
            throws IOException {
        this(server, 0, dispatcher, Optional.empty(), context, pid);
    }

    private Listener(ServerSocketChannel server, int backlog, SessionDispatcher dispatcher, Optional<Drain> drain,
            BundleContext context, Object pid) throws IOException {
        this.dispatcher = dispatcher;
        this.socket = new ListeningSocket(server, backlog, this::handOff);
        InetSocketAddress bound = socket.address();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ListenerInfo.ADDRESS, AddressText.of(bound));
        // the configuration's PID tells an administrator (or a test) which listener this is
        if (pid != null) {
            properties.put(Constants.SERVICE_PID, pid);
        }
        this.registration = context.registerService(ListenerInfo.class, () -> bound, properties);
        this.drain = drain;
        drain.ifPresent(d -> d.add(socket));
        LOG.info("listening on {}", AddressText.of(bound));
    }

    private void handOff(SocketChannel client) {
        try {
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            // the session finds out what is wrong with the connection and logs it
        }
        dispatcher.dispatch(client);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        drain.ifPresent(d -> d.remove(socket));
        socket.close();
        LOG.info("no longer listening on {}", socket);
    }
}
