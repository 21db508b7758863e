package org.sockd.core.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.sockd.api.ConnectRequest;
import org.sockd.api.admin.SessionState;
import org.sockd.api.log.EndReason;
import org.sockd.common.io.Closing;

/**
 * What the core knows of a session while it runs: its sockets, and the moment after which the
 * sweeper may close it (end of the handshake allowance, or of the idle allowance while relaying).
 */
final class LiveSession {

    private static final int LINGER_MILLIS = 2_000;
    private static final long LINGER_BYTES = 256 * 1024;

    private final long id;
    private final SocketChannel client;
    private final LongSupplier nanoClock;
    private final Instant started = Instant.now();
    private final long startedNanos;
    private final AtomicReference<End> end = new AtomicReference<>();
    private volatile SocketChannel target;
    private volatile InetSocketAddress connected;
    /** The client a trusted balancer's PROXY header named, served in the peer's place. */
    private volatile InetSocketAddress announcedClient;
    /** Something else the session holds open: a BIND's listening socket, a UDP association. */
    private volatile Closeable held;
    private volatile Stage stage = new Stage(SessionState.HANDSHAKE, null, null);
    private volatile Traffic traffic = Traffic.NONE;
    private volatile long deadline;
    private volatile long idleAllowance;
    private volatile boolean expired;
    private volatile boolean granted;
    private volatile boolean closed;
    private volatile boolean handedOver;
    /** The client address whose per-client slot this session holds, or {@code null} before it is admitted. */
    private volatile InetAddress admitted;
    private volatile Runnable onClose;

    /** @param handshakeDeadline in {@link System#nanoTime()} */
    LiveSession(long id, SocketChannel client, long handshakeDeadline) {
        this(id, client, handshakeDeadline, System::nanoTime);
    }

    /** @param nanoClock what the idle allowance is measured with; tests move it on instead of waiting */
    LiveSession(long id, SocketChannel client, long handshakeDeadline, LongSupplier nanoClock) {
        this.id = id;
        this.client = client;
        this.deadline = handshakeDeadline;
        this.nanoClock = nanoClock;
        this.startedNanos = nanoClock.getAsLong();
    }

    /** Bytes moved so far, read while the session runs. */
    interface Traffic {
        Traffic NONE = new Traffic() {
            @Override
            public long fromClient() {
                return 0;
            }

            @Override
            public long fromTarget() {
                return 0;
            }
        };

        long fromClient();

        long fromTarget();
    }

    /**
     * Where the session is, for administration.
     *
     * @param state where the session is
     * @param request the request once read, else {@code null}
     * @param ident what identd said, or {@code null}
     */
    record Stage(SessionState state, ConnectRequest request, String ident) {
    }

    /**
     * Why the session ends.
     *
     * @param detail more about it (the refusing rule, the error text), or {@code null}
     */
    record End(EndReason reason, String detail) {
    }

    long id() {
        return id;
    }

    Instant started() {
        return started;
    }

    /** @return how long the session has lived, by the clock its idle allowance is measured with */
    Duration age() {
        return Duration.ofNanos(nanoClock.getAsLong() - startedNanos);
    }

    /** @return the address connected to, or {@code null} until then (and for UDP) */
    InetSocketAddress connected() {
        return connected;
    }

    void connected(InetSocketAddress address) {
        this.connected = address;
    }

    /** @return the client a PROXY header named, or {@code null} when the peer is the client */
    InetSocketAddress announcedClient() {
        return announcedClient;
    }

    void announcedClient(InetSocketAddress client) {
        this.announcedClient = client;
    }

    /** Records why the session ends, unless a cause was recorded first: the first cause is the real one. */
    void endBy(EndReason reason, String detail) {
        end.compareAndSet(null, new End(reason, detail));
    }

    /** A reset or a broken pipe is the peer's doing; any other I/O error is an error. */
    void endByFailure(IOException e) {
        String message = String.valueOf(e.getMessage());
        endBy(message.contains("reset") || message.contains("Broken pipe") ? EndReason.RESET : EndReason.ERROR, message);
    }

    /** Records the cause before closing, since closing makes the relay's reads fail too. */
    void closeFor(EndReason reason, String detail) {
        endBy(reason, detail);
        close();
    }

    /** @return why the session ended; an end nobody explained counts as an error */
    End ending() {
        End recorded = end.get();
        return recorded != null ? recorded : new End(EndReason.ERROR, "no cause recorded");
    }

    Stage stage() {
        return stage;
    }

    void stage(SessionState state, ConnectRequest request, String ident) {
        this.stage = new Stage(state, request, ident);
    }

    Traffic traffic() {
        return traffic;
    }

    void traffic(Traffic traffic) {
        this.traffic = traffic;
    }

    /** Closed with the session; closing it also ends a wait on it. */
    void hold(Closeable resource) {
        this.held = resource;
    }

    SocketChannel client() {
        return client;
    }

    /** Switches from the handshake deadline to an idle allowance renewed by {@link #touch}. */
    void relaying(SocketChannel target, long idleNanos) {
        this.target = target;
        this.idleAllowance = idleNanos;
        touch();
    }

    /** Records traffic; called once per chunk relayed, so it must stay a single volatile write. */
    void touch() {
        deadline = nanoClock.getAsLong() + idleAllowance;
    }

    /** No deadline while the core itself waits on something bounded (name lookup, connect). */
    void suspendDeadline() {
        deadline = Long.MAX_VALUE;
    }

    boolean isPastDeadline(long now) {
        long d = deadline;
        return d != Long.MAX_VALUE && now - d > 0;
    }

    /** @return true when the sweeper, not the peer, ended the session */
    boolean expired() {
        return expired;
    }

    void expire() {
        expired = true;
        closeFor(EndReason.IDLE_TIMEOUT, null);
    }

    /**
     * Closes the client connection after a refusal or a protocol error. Closing a socket with
     * unread input makes the kernel send a reset, which can destroy the reply before the client
     * reads it; so the output is shut first and what the client still sends is read and dropped,
     * for a bounded time and amount.
     */
    void closeAfterReply() {
        try {
            client.shutdownOutput();
            Socket socket = client.socket();
            socket.setSoTimeout(LINGER_MILLIS);
            InputStream in = socket.getInputStream();
            long deadline = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
            long drained = 0;
            byte[] sink = new byte[4096];
            for (int n; drained < LINGER_BYTES && System.nanoTime() - deadline < 0 && (n = in.read(sink)) >= 0; ) {
                drained += n;
            }
        } catch (IOException e) {
            // the client closed or reset first: nothing left to protect
        } finally {
            close();
        }
    }

    InetAddress admitted() {
        return admitted;
    }

    void admitted(InetAddress client) {
        this.admitted = client;
    }

    /** The relay has the session now, and ends it when it ends; the session's thread is done. */
    void handOver() {
        handedOver = true;
    }

    boolean handedOver() {
        return handedOver;
    }

    /** The client got its last reply: from now on only relayed traffic flows. */
    void granted() {
        granted = true;
    }

    /** Closes the session at its end: at once once granted, else as {@link #closeAfterReply}. */
    void end() {
        if (granted) {
            close();
        } else {
            closeAfterReply();
        }
    }

    /**
     * Runs {@code hook} when the session is closed, or at once if it already is: a relay that does
     * not block on the sockets learns this way that someone else (the sweeper, a revalidating
     * reload, shutdown) ended it. May run more than once.
     */
    void whenClosed(Runnable hook) {
        this.onClose = hook;
        if (closed) {
            hook.run();
        }
    }

    void close() {
        closed = true;
        Closing.quietly(client);
        Closing.quietly(target);
        Closing.quietly(held);
        Runnable hook = onClose;
        if (hook != null) {
            hook.run();
        }
    }
}
