package org.sockd.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.sockd.api.log.EndReason;
import org.sockd.common.io.Closing;

/**
 * Watches a BIND client's control connection while the daemon waits for the peer. Closing it is
 * the only way RFC 1928 leaves a client to give up a BIND, so it closes the listener at once
 * instead of the port staying open until bind.timeout.ms. Bytes the client sends before the
 * second reply are kept for the peer. Reads in short slices, so that stopping never needs to
 * close the connection (which interrupting a blocked read would).
 */
final class ControlWatch {

    private static final int SLICE_MS = 100;
    /** A client that sends more before anyone connected in is no longer watched for its end. */
    private static final int EARLY_BYTES_AT_MOST = 64 * 1024;

    private final Socket control;
    private final LiveSession live;
    private final Closeable listener;
    private final ByteArrayOutputStream early = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile boolean stopped;

    private ControlWatch(LiveSession live, Closeable listener) {
        this.control = live.client().socket();
        this.live = live;
        this.listener = listener;
        this.thread = Thread.ofVirtual().name("sockd-bind-watch-" + live.id()).start(this::watch);
    }

    static ControlWatch start(LiveSession live, Closeable listener) {
        return new ControlWatch(live, listener);
    }

    private void watch() {
        try {
            control.setSoTimeout(SLICE_MS);
            InputStream in = control.getInputStream();
            byte[] buffer = new byte[4096];
            while (!stopped && early.size() < EARLY_BYTES_AT_MOST) {
                try {
                    int read = in.read(buffer);
                    if (read < 0) {
                        live.endBy(EndReason.CLIENT_CLOSED, null);
                        Closing.quietly(listener);
                        return;
                    }
                    early.write(buffer, 0, read);
                } catch (SocketTimeoutException e) {
                    // a slice without news: look whether the wait is over
                }
            }
        } catch (IOException e) {
            // reset by the client, or the session closed (sockd:kill, shutdown; their cause came first)
            live.endByFailure(e);
            Closing.quietly(listener);
        }
    }

    /**
     * Stops watching, at most a slice later.
     *
     * @return what the client sent meanwhile, for the peer
     */
    byte[] stop() throws InterruptedException, IOException {
        stopped = true;
        thread.join();
        if (!control.isClosed()) {
            control.setSoTimeout(0);
        }
        return early.toByteArray();
    }
}
