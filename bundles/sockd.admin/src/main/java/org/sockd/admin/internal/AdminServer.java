package org.sockd.admin.internal;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.sockd.common.net.AcceptLoop;

/**
 * Serves the admin protocol ({@link Wire}) on a Unix-domain socket ({@link SocketFile}): one
 * command line per connection ({@link Conversation}), each client on a virtual thread of its own,
 * each command within a time limit ({@link CommandTimeout}).
 */
final class AdminServer implements AutoCloseable {

    /** Out of descriptors, the loop waits this long before it accepts again. */
    private static final Duration ACCEPT_PAUSE = Duration.ofSeconds(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final SocketFile file;
    private final Conversation conversation;
    private final IoDeadline deadline;
    private final Semaphore clients;
    private final Thread acceptor;

    private AdminServer(SocketFile file, CommandRunner runner, Admission admission, Limits limits, Logger log) {
        this.file = file;
        this.deadline = new IoDeadline(limits.ioTimeout());
        this.conversation = new Conversation(file, admission, new CommandTimeout(runner, limits.commandTimeout()),
                deadline, limits.maxClients(), log);
        this.clients = new Semaphore(limits.maxClients());
        this.acceptor = new AcceptLoop(file.server(), this::handOff, log, "admin accept() on " + file.path() + ":",
                ACCEPT_PAUSE).start("sockd-admin-accept");
    }

    /**
     * Binds the socket and starts serving.
     *
     * @throws SocketFile.InUse when another process answers on the socket
     * @throws IOException when the socket cannot be made, with a message naming its path
     */
    static AdminServer open(Path socket, CommandRunner runner, Admission admission, Limits limits, Logger log)
            throws IOException {
        return new AdminServer(SocketFile.bind(socket, limits.maxClients(), log), runner, admission, limits, log);
    }

    /** A client over the limit is still served, with the answer that the server is busy. */
    private void handOff(SocketChannel client) {
        Thread.ofVirtual().name("sockd-admin-client").start(() -> {
            AtomicBoolean held = new AtomicBoolean(clients.tryAcquire());
            boolean slot = held.get();
            Runnable freeSlot = () -> {
                if (held.getAndSet(false)) {
                    clients.release();
                }
            };
            try {
                conversation.serve(client, slot, freeSlot);
            } finally {
                freeSlot.run();
            }
        });
    }

    Path socket() {
        return file.path();
    }

    UserPrincipal daemonUser() {
        return file.owner();
    }

    /** Stops serving and removes the socket file, unless another daemon has put its own there since. */
    @Override
    public void close() throws IOException {
        file.server().close();
        try {
            acceptor.join(STOP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the file is still removed below
        }
        deadline.close();
        file.close();
    }
}
