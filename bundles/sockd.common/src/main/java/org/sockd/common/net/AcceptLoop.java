package org.sockd.common.net;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Accepts connections on one platform thread until the server socket is closed. Running out of descriptors
 * or threads pauses the loop instead of spinning, so the process keeps serving the connections it has.
 */
public final class AcceptLoop {

    private final ServerSocketChannel server;
    private final Consumer<SocketChannel> handOff;
    private final Logger log;
    private final String what;
    private final Duration pause;

    /**
     * @param what    names the socket in the error line, e.g. {@code "main accept() on 127.0.0.1:1080"}
     * @param handOff takes each accepted connection; it must not block the loop for long
     */
    public AcceptLoop(ServerSocketChannel server, Consumer<SocketChannel> handOff, Logger log, String what,
            Duration pause) {
        this.server = server;
        this.handOff = handOff;
        this.log = log;
        this.what = what;
        this.pause = pause;
    }

    /** @return the started thread, which ends once the server socket is closed */
    public Thread start(String threadName) {
        return Thread.ofPlatform().daemon().name(threadName).start(this::run);
    }

    private String pauseText() {
        return pause.toMillis() % 1000 == 0 ? pause.toSeconds() + " s" : pause.toMillis() + " ms";
    }

    private void run() {
        while (true) {
            try {
                handOff.accept(server.accept());
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | OutOfMemoryError e) {
                log.error("error -- {} {}; pausing {}", what, e.getMessage(), pauseText());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
