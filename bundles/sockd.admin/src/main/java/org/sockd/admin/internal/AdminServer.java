package org.sockd.admin.internal;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.sockd.common.text.LogText;

/**
 * Serves the admin protocol ({@link Wire}) on a Unix-domain socket: one command line per
 * connection, each client on a virtual thread of its own, each command within a time limit.
 * The socket file is readable and writable by its owner only, in a directory made for it with
 * owner-only permissions when it is missing; and every peer's credentials are checked, which
 * holds even where file permissions do not (a socket in a shared directory, a changed mode).
 */
final class AdminServer implements AutoCloseable {

    /**
     * @param commandTimeout how long a command may run before it is interrupted and answered as failed
     * @param ioTimeout how long a client may take to send its line, and to take the answer
     * @param maxClients connections served at once; more are answered "busy"
     */
    record Limits(Duration commandTimeout, Duration ioTimeout, int maxClients) {
        Limits {
            if (commandTimeout.isNegative() || commandTimeout.isZero() || ioTimeout.isNegative() || ioTimeout.isZero()
                    || maxClients < 1) {
                throw new IllegalArgumentException("limits must be positive: " + commandTimeout + ", " + ioTimeout
                        + ", " + maxClients);
            }
        }
    }

    /** Another process answers on the socket: most likely another sockd with the same configuration. */
    static final class InUse extends IOException {
        private static final long serialVersionUID = 1L;

        InUse(Path socket) {
            super("another process answers on " + socket + " (a second sockd with the same admin socket?)");
        }
    }

    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path socket;
    private final ServerSocketChannel server;
    private final Object fileKey;
    private final UserPrincipal daemonUser;
    private final CommandRunner runner;
    private final Admission admission;
    private final Limits limits;
    private final Logger log;
    private final Semaphore clients;
    private final ScheduledExecutorService watchdog;
    private final Thread acceptor;

    private AdminServer(Path socket, ServerSocketChannel server, CommandRunner runner, Admission admission, Limits limits,
            Logger log) throws IOException {
        this.socket = socket;
        this.server = server;
        this.fileKey = Files.readAttributes(socket, BasicFileAttributes.class, NOFOLLOW_LINKS).fileKey();
        this.daemonUser = Files.getOwner(socket, NOFOLLOW_LINKS);
        this.runner = runner;
        this.admission = admission;
        this.limits = limits;
        this.log = log;
        this.clients = new Semaphore(limits.maxClients());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sockd-admin-watchdog").factory());
        this.acceptor = Thread.ofPlatform().daemon().name("sockd-admin-accept").start(this::acceptLoop);
    }

    /**
     * Binds the socket and starts serving.
     *
     * @throws InUse when another process answers on the socket
     * @throws IOException when the socket cannot be made, with a message naming its path
     */
    static AdminServer open(Path socket, CommandRunner runner, Admission admission, Limits limits, Logger log)
            throws IOException {
        prepareDirectory(socket.getParent());
        removeIfStale(socket, log);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        boolean bound = false;
        try {
            server.bind(UnixDomainSocketAddress.of(socket), limits.maxClients());
            bound = true;
            Files.setPosixFilePermissions(socket, OWNER_ONLY_FILE);
            return new AdminServer(socket, server, runner, admission, limits, log);
        } catch (IOException e) {
            abandon(server, bound ? socket : null);
            throw new IOException("cannot listen on " + socket + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            abandon(server, bound ? socket : null);
            throw e;
        }
    }

    /** @param socket the socket file this server bound, or {@code null} when it bound none */
    private static void abandon(ServerSocketChannel server, Path socket) throws IOException {
        server.close();
        if (socket != null) {
            Files.deleteIfExists(socket);
        }
    }

    Path socket() {
        return socket;
    }

    UserPrincipal daemonUser() {
        return daemonUser;
    }

    /** A directory made here is the owner's alone, so the socket is never reachable before its mode is set. */
    private static void prepareDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory.getParent());
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        } catch (FileAlreadyExistsException e) {
            return; // made meanwhile by someone else: left as it is
        }
        Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY); // the umask may have taken bits, never added
    }

    /** A socket file nobody answers on is left from a daemon that was killed; anything else is not touched. */
    private static void removeIfStale(Path socket, Logger log) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(socket, BasicFileAttributes.class, NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!attributes.isOther()) {
            throw new IOException(socket + " exists and is not a socket: remove it or configure another admin socket path");
        }
        try {
            SocketChannel.open(UnixDomainSocketAddress.of(socket)).close();
        } catch (ConnectException e) {
            log.info("removing the stale admin socket {}: nobody answers on it", socket);
            Files.delete(socket);
            return;
        } catch (IOException e) {
            throw new IOException(socket + " exists and cannot be tried: " + e.getMessage(), e);
        }
        throw new InUse(socket);
    }

    private void acceptLoop() {
        while (true) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.error("error -- admin accept() on {}: {}; pausing 1 s", socket, e.getMessage());
                if (!pause()) {
                    return;
                }
                continue;
            }
            Thread.ofVirtual().name("sockd-admin-client").start(() -> {
                boolean served = clients.tryAcquire();
                try {
                    serve(client, served);
                } finally {
                    if (served) {
                        clients.release();
                    }
                }
            });
        }
    }

    /**
     * The request is read in every case, even when the answer is no: a Unix-domain socket closed
     * with unread input makes the kernel report a reset to the peer, which may lose the answer.
     *
     * @param slot whether the client is within the number served at once
     */
    private void serve(SocketChannel client, boolean slot) {
        try (client) {
            Future<?> reading = closeLater(client);
            UserPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED).user();
            Request request = read(client);
            reading.cancel(false);
            Answer answer;
            if (!admission.admits(peer, daemonUser)) {
                log.warn("admin: refused user {} on {}: only {} and root may use it", LogText.escape(peer.getName()), socket,
                        daemonUser.getName());
                answer = Answer.failed("refused: only the user sockd runs as, and root, may use " + socket);
            } else if (!slot) {
                answer = Answer.failed("busy: already serving " + limits.maxClients() + " admin clients at once; try again");
            } else if (request.line() == null) {
                answer = Answer.failed(request.error());
                log.info("admin: {} sent no usable command line: {}", LogText.escape(peer.getName()), request.error());
            } else {
                answer = execute(request.line());
                log.info("admin: {} ran '{}': {}", LogText.escape(peer.getName()), LogText.escape(request.line()),
                        answer.status() == Answer.DONE ? "done" : "failed");
            }
            Future<?> writing = closeLater(client);
            send(client, answer);
            writing.cancel(false);
        } catch (IOException e) {
            // the client went away, or took too long and was closed: there is no one to answer
            log.debug("admin: a client of {} is gone: {}", socket, e.toString());
        }
    }

    /**
     * @param line the command line, or {@code null} when the request was unusable
     * @param error why it was unusable
     */
    private record Request(String line, String error) {
    }

    /** Reads up to the line feed, or to the end of the client's stream; never more than the cap. */
    private static Request read(SocketChannel client) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Wire.MAX_REQUEST_BYTES + 1);
        int end = -1;
        int size = -1; // of the request with its line feed
        while (size < 0 && buffer.hasRemaining()) {
            int before = buffer.position();
            if (client.read(buffer) < 0) {
                end = buffer.position();
                size = end;
            }
            for (int i = before; size < 0 && i < buffer.position(); i++) {
                if (buffer.get(i) == '\n') {
                    end = i;
                    size = i + 1;
                }
            }
        }
        if (size < 0 || size > Wire.MAX_REQUEST_BYTES) {
            return new Request(null, "the command line is longer than " + Wire.MAX_REQUEST_BYTES + " bytes");
        }
        String line;
        try {
            line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer.flip().limit(end)).toString();
        } catch (CharacterCodingException e) {
            return new Request(null, "the command line is not UTF-8");
        }
        line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        return line.isBlank() ? new Request(null, "no command line was sent; for example: status") : new Request(line, null);
    }

    private Answer execute(String line) {
        FutureTask<Answer> task = new FutureTask<>(() -> runner.run(line));
        Thread.ofVirtual().name("sockd-admin-command").start(task);
        try {
            return task.get(limits.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return Answer.failed("the command did not finish within " + limits.commandTimeout().toSeconds()
                    + " s and was interrupted");
        } catch (ExecutionException e) {
            return Answer.failed("the command was given up on: " + e.getCause());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return Answer.failed("the daemon is stopping; the command was interrupted");
        }
    }

    /** @return the closing to cancel once the client is done; while the server stops, it closes the client now */
    private Future<?> closeLater(SocketChannel client) {
        try {
            return watchdog.schedule(() -> closeQuietly(client), limits.ioTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            closeQuietly(client);
            return CompletableFuture.completedFuture(null);
        }
    }

    private static void send(SocketChannel client, Answer answer) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Wire.encode(answer));
        while (bytes.hasRemaining()) {
            client.write(bytes);
        }
    }

    private static void answerAndClose(SocketChannel client, Answer answer) {
        try (client) {
            send(client, answer);
        } catch (IOException e) {
            // the client is gone: nobody to tell that it was turned away
        }
    }

    private static void closeQuietly(SocketChannel client) {
        try {
            client.close();
        } catch (IOException e) {
            // the descriptor is released either way
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(1000);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Stops serving and removes the socket file, unless another daemon has put its own there since. */
    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the file is still removed below
        }
        watchdog.shutdownNow();
        try {
            if (fileKey != null
                    && fileKey.equals(Files.readAttributes(socket, BasicFileAttributes.class, NOFOLLOW_LINKS).fileKey())) {
                Files.delete(socket);
            }
        } catch (NoSuchFileException e) {
            // removed by hand: nothing left to do
        }
    }
}
