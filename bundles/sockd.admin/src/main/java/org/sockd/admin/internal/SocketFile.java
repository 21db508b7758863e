package org.sockd.admin.internal;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
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
import java.util.Set;
import org.slf4j.Logger;

/**
 * The socket file the admin channel listens on, from binding to removal. The file is readable and
 * writable by its owner only, in a directory made for it with owner-only permissions when it is
 * missing; a file left by a killed daemon is replaced, anything else is never touched; and at the
 * end the file is removed only while it is still the one bound here.
 *
 * @param path where the socket is
 * @param server the socket, bound
 * @param fileKey what identifies the file bound here, or {@code null} where the system has no such key
 * @param owner the user the daemon runs as: the owner of the file it made
 */
record SocketFile(Path path, ServerSocketChannel server, Object fileKey, UserPrincipal owner) {

    /** Another process answers on the socket: most likely another sockd with the same configuration. */
    static final class InUse extends IOException {
        private static final long serialVersionUID = 1L;

        InUse(Path socket) {
            super("another process answers on " + socket + " (a second sockd with the same admin socket?)");
        }
    }

    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    /**
     * Binds the socket, its file the owner's alone.
     *
     * @throws InUse when another process answers on the socket
     * @throws IOException when the socket cannot be made, with a message naming its path
     */
    static SocketFile bind(Path path, int backlog, Logger log) throws IOException {
        prepareDirectory(path.getParent());
        removeIfStale(path, log);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        boolean bound = false;
        try {
            server.bind(UnixDomainSocketAddress.of(path), backlog);
            bound = true;
            Files.setPosixFilePermissions(path, OWNER_ONLY_FILE);
            Object fileKey = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW_LINKS).fileKey();
            return new SocketFile(path, server, fileKey, Files.getOwner(path, NOFOLLOW_LINKS));
        } catch (IOException e) {
            abandon(server, bound ? path : null);
            throw new IOException("cannot listen on " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            abandon(server, bound ? path : null);
            throw e;
        }
    }

    /** @param path the socket file bound, or {@code null} when none was */
    private static void abandon(ServerSocketChannel server, Path path) throws IOException {
        server.close();
        if (path != null) {
            Files.deleteIfExists(path);
        }
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

    /** Stops listening and removes the file, unless another daemon has put its own there since. */
    void close() throws IOException {
        server.close();
        try {
            if (fileKey != null
                    && fileKey.equals(Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW_LINKS).fileKey())) {
                Files.delete(path);
            }
        } catch (NoSuchFileException e) {
            // removed by hand: nothing left to do
        }
    }
}
