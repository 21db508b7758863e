package org.sockd.launcher.internal;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Whether the process was started with a socket as its standard input (inetd, systemd socket
 * activation). The core serves that socket; the launcher must then not open listeners of its own.
 */
final class StandardInput {

    private StandardInput() {
    }

    static boolean isSocket() {
        try {
            return isSocket(System.inheritedChannel());
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    static boolean isSocket(Channel inherited) {
        return inherited instanceof SocketChannel || inherited instanceof ServerSocketChannel;
    }
}
