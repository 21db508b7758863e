package org.sockd.route.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;

/** Which addresses belong to this host, so a route never names an interface the host does not have. */
@FunctionalInterface
interface LocalAddresses {

    boolean isLocal(InetAddress address);

    /**
     * The addresses of this host's interfaces, and any other address a socket can bind to: on Linux
     * the whole of 127.0.0.0/8 is routed to {@code lo} although only 127.0.0.1 is listed on it, and
     * a BIND listener on 127.0.0.5 works.
     */
    static LocalAddresses system() {
        return address -> {
            try {
                if (NetworkInterface.getByInetAddress(address) != null) {
                    return true;
                }
            } catch (SocketException e) {
                // the interface list could not be read: binding still tells
            }
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(address, 0));
                return true;
            } catch (IOException e) {
                return false;
            }
        };
    }
}
