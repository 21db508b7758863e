package org.sockd.itest;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * What the daemon tests share: the injected framework services, an echo server to relay to, the
 * daemon itself and the services a test registers. Subclasses call {@link #startDaemon} from their
 * own {@code @BeforeEach}; everything is undone after each test: registrations first, then the
 * daemon, then the echo server.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
abstract class DaemonTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 5000)
    ConfigurationAdmin configAdmin;

    @InjectService(timeout = 5000)
    ServiceComponentRuntime scr;

    /** Services registered for the current test; unregistered after it. */
    final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    Daemon daemon;
    EchoServer echo;

    /** Starts the echo server and the daemon (see {@link Daemon#start}) with a listener named {@code name}. */
    void startDaemon(String name, Map<String, Object> coreProperties) throws Exception {
        echo = new EchoServer();
        daemon = Daemon.start(context, configAdmin, scr, name, coreProperties);
    }

    /** The daemon's listening address. */
    InetSocketAddress proxy() {
        return daemon.address();
    }

    @AfterEach
    void stopDaemon() throws Exception {
        registrations.forEach(ServiceRegistration::unregister);
        if (daemon != null) {
            daemon.close();
        }
        if (echo != null) {
            echo.close();
        }
    }
}
