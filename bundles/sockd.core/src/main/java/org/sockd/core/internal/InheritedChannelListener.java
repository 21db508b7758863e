package org.sockd.core.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.function.IntConsumer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * inetd and systemd socket activation: serves the socket the process was started with as its
 * standard input. A connected TCP socket (inetd {@code nowait}, systemd {@code Accept=yes}) is one
 * client: it is served, and the process exits 0 when that session ends. A listening TCP socket
 * (inetd {@code wait}, systemd {@code Accept=no} with {@code StandardInput=socket}) is served like
 * a configured listener until the daemon stops. Anything else on standard input (a terminal, a
 * pipe, a file) is none of this component's business. The core is held dynamically: it can go and
 * come back (its bundle updated or restarted), and the inherited socket, which cannot be opened
 * again, stays served.
 */
@Component(name = "sockd.inherited", immediate = true, service = {})
public class InheritedChannelListener {

    /** Blocks until the daemon can serve a request, or a bounded wait is over. */
    @FunctionalInterface
    interface Readiness {
        void await() throws InterruptedException;
    }

    /** Starts serving an inherited listening socket, and returns what stops it. */
    @FunctionalInterface
    interface ListenerFactory {
        AutoCloseable listen(ServerSocketChannel server, SessionDispatcher dispatcher) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(InheritedChannelListener.class);
    private static final Duration READY_WAIT = Duration.ofSeconds(10);
    /** Longer than the core takes to come back when its bundle is updated or restarted. */
    private static final Duration CORE_WAIT = Duration.ofSeconds(30);
    /** How often to look whether the one inetd client's session has closed its connection. */
    private static final long CLOSE_POLL_MILLIS = 5;

    private final InheritedCore core = new InheritedCore(CORE_WAIT);
    private final Thread worker;
    private AutoCloseable listener; // guarded by this, like stopped
    private boolean stopped;

    @Activate
    public InheritedChannelListener(BundleContext context) throws IOException {
        this(System.inheritedChannel(), new InheritedReadiness(context, READY_WAIT),
                (server, dispatcher) -> new Listener(server, dispatcher, context, null, ListenerOptions.PLAIN)::deactivate,
                System::exit);
    }

    /**
     * @param inherited the process's inherited channel, or {@code null}
     * @param exit ends the process with the given status once the one inetd client is served
     */
    InheritedChannelListener(Channel inherited, Readiness readiness, ListenerFactory listeners, IntConsumer exit)
            throws IOException {
        Runnable serve = switch (inherited) {
            case null -> null;
            // An earlier start of this component served it, and the core closed it as it stopped.
            case SocketChannel client when !client.isOpen() -> () -> {
                LOG.info("the client on standard input is gone: exiting");
                exit.accept(0);
            };
            case ServerSocketChannel server when !server.isOpen() -> {
                LOG.warn("the listening socket on standard input was closed when the core stopped: not served");
                yield null;
            }
            case SocketChannel client when client.getRemoteAddress() instanceof InetSocketAddress -> () -> {
                LOG.info("serving the client on standard input (inetd nowait), then exiting");
                if (ready(readiness) && serveOne(client, core)) {
                    exit.accept(0);
                }
            };
            case ServerSocketChannel server when server.getLocalAddress() instanceof InetSocketAddress -> () -> {
                LOG.info("serving the listening socket on standard input (inetd wait, systemd socket activation)");
                if (ready(readiness)) {
                    listen(server, listeners);
                }
            };
            default -> {
                LOG.warn("standard input is a {}, neither a connected nor a listening TCP socket: not served",
                        inherited.getClass().getSimpleName());
                yield null;
            }
        };
        this.worker = serve == null ? null : Thread.ofPlatform().daemon().name("sockd-inherited").start(serve);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCore(SessionDispatcher dispatcher) {
        core.set(dispatcher);
    }

    void unsetCore(SessionDispatcher dispatcher) {
        core.clear(dispatcher);
    }

    /**
     * Hands the client to the core and waits until its session has closed the connection.
     *
     * @return true when the session ended, false when the wait was interrupted (the daemon is stopping)
     */
    static boolean serveOne(SocketChannel client, SessionDispatcher dispatcher) {
        try {
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            // the session finds out what is wrong with the connection and logs it
        }
        dispatcher.dispatch(client, ListenerTerms.PLAIN);
        try {
            // The session closes the connection at its very end; the session table empties right
            // after, and stopping the core waits for that.
            while (client.isOpen()) {
                Thread.sleep(CLOSE_POLL_MILLIS);
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void listen(ServerSocketChannel server, ListenerFactory listeners) {
        try {
            AutoCloseable started = listeners.listen(server, core);
            synchronized (this) {
                if (!stopped) {
                    listener = started;
                    return;
                }
            }
            started.close(); // the daemon began to stop while the listener was being made
        } catch (IOException e) {
            LOG.error("error -- cannot serve the listening socket on standard input: {}", e.getMessage());
        } catch (Exception e) {
            LOG.warn("error while closing the listener of the inherited socket", e);
        }
    }

    private static boolean ready(Readiness readiness) {
        try {
            readiness.await();
            return true;
        } catch (InterruptedException e) {
            return false; // the daemon is stopping before it served anything
        }
    }

    @Deactivate
    void deactivate() throws Exception {
        if (worker == null) {
            return;
        }
        // Not joined: the worker may be the very thread that is exiting the process and stopping the framework.
        worker.interrupt();
        AutoCloseable serving;
        synchronized (this) {
            stopped = true;
            serving = listener;
        }
        if (serving != null) {
            serving.close();
        }
    }
}
