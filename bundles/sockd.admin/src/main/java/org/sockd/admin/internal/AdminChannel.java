package org.sockd.admin.internal;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.common.config.Settings;

/**
 * The admin channel of a running daemon: Gogo command lines through a Unix-domain socket that
 * only the daemon's user and root may use. There is no network admin port. A new configuration
 * (another path, other limits) closes the socket and opens it anew.
 */
@Component(name = "sockd.admin", immediate = true, service = {})
@Designate(ocd = AdminConfig.class)
public class AdminChannel {

    private static final Logger LOG = LoggerFactory.getLogger(AdminChannel.class);

    /** Framework or system property: {@code true} runs the daemon without an admin channel. */
    static final String OFF = "sockd.admin.off";

    /** {@code null} when the socket could not be made: the daemon serves clients without it. */
    private final AdminServer server;

    @Activate
    public AdminChannel(AdminConfig config, BundleContext context, @Reference CommandProcessor processor) {
        Limits limits = new Limits(positiveSeconds("command.timeout.s", config.command_timeout_s()),
                positiveSeconds("io.timeout.s", config.io_timeout_s()), positive("max.clients", config.max_clients()));
        Path socket = SocketPath.resolve(config.socket(), context.getProperty(SocketPath.HOME));
        AdminServer opened = null;
        if (Boolean.parseBoolean(context.getProperty(OFF))) {
            // a one-shot run (-ver, -h) must not probe or take the running daemon's socket
            this.server = null;
            return;
        }
        if (servesOneInetdClient()) {
            // a process per client would take the socket from the daemon an administrator talks to
            LOG.info("serving one inetd client: no admin channel");
            this.server = null;
            return;
        }
        try {
            opened = AdminServer.open(socket, new GogoRunner(processor), Admission.ownerOrRoot(), limits, LOG);
            String user = opened.daemonUser().getName();
            LOG.info("admin channel listening on {}, for {} (bin/sockd ctl status)", socket,
                    user.equals("root") ? "root" : user + " and root");
        } catch (IOException e) {
            LOG.error("error -- admin channel not started: {}", e.getMessage());
        }
        this.server = opened;
    }

    private static boolean servesOneInetdClient() {
        try {
            return System.inheritedChannel() instanceof SocketChannel;
        } catch (IOException e) {
            return false;
        }
    }

    private static Duration positiveSeconds(String property, int value) {
        return Duration.ofSeconds(positive(property, value));
    }

    private static int positive(String property, int value) {
        Settings.requirePositive("sockd.admin", property, value);
        return value;
    }

    @Deactivate
    void deactivate() throws IOException {
        if (server != null) {
            server.close();
            LOG.info("admin channel on {} closed", server.socket());
        }
    }
}
