package org.sockd.access.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;

/** Builds requests for the tests; addresses are literals, so nothing is looked up. */
final class Requests {

    private static final InetSocketAddress LISTENER = new InetSocketAddress(ip("127.0.0.1"), 1080);

    private Requests() {
    }

    static ConnectRequest request(Command command, String user, String client, String destination, int port) {
        return request(command, user, ip(client), ip(destination), port);
    }

    static ConnectRequest request(Command command, String user, InetAddress client, InetAddress destination,
            int port) {
        return new ConnectRequest(new ClientInfo(new InetSocketAddress(client, 40000), LISTENER),
                SocksVersion.SOCKS4, command, Endpoint.ofAddress(destination, port), List.of(destination), user, null);
    }

    /** A SOCKS 4A request naming its destination; {@code resolved} is what the name gave. */
    static ConnectRequest named(String client, String host, int port, String... resolved) {
        List<InetAddress> addresses = Arrays.stream(resolved).map(Requests::ip).toList();
        return new ConnectRequest(new ClientInfo(new InetSocketAddress(ip(client), 40000), LISTENER),
                SocksVersion.SOCKS4A, Command.CONNECT, Endpoint.ofName(host, port), addresses, "", null);
    }

    static ConnectRequest connect(String client, String destination, int port) {
        return request(Command.CONNECT, "", client, destination, port);
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
