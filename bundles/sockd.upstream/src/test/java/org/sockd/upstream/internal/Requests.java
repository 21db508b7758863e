package org.sockd.upstream.internal;

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

    static ConnectRequest connect(String destination, int port) {
        return request(Command.CONNECT, "", "10.1.1.1", destination, port);
    }

    static ConnectRequest request(Command command, String user, String client, String destination, int port) {
        return new ConnectRequest(new ClientInfo(new InetSocketAddress(ip(client), 40000), LISTENER),
                SocksVersion.SOCKS4, command, Endpoint.ofAddress(ip(destination), port), List.of(ip(destination)),
                user, null);
    }

    /** A request naming its destination; {@code resolved} is what the name gave here (maybe nothing). */
    static ConnectRequest named(String host, int port, String... resolved) {
        List<InetAddress> addresses = Arrays.stream(resolved).map(Requests::ip).toList();
        return new ConnectRequest(new ClientInfo(new InetSocketAddress(ip("10.1.1.1"), 40000), LISTENER),
                SocksVersion.SOCKS5, Command.CONNECT, Endpoint.ofName(host, port), addresses, "", null);
    }

    /** A SOCKS 5 request after a username/password login. */
    static ConnectRequest loggedIn(String user, String destination, int port) {
        return new ConnectRequest(new ClientInfo(new InetSocketAddress(ip("10.1.1.1"), 40000), LISTENER),
                SocksVersion.SOCKS5, Command.CONNECT, Endpoint.ofAddress(ip(destination), port),
                List.of(ip(destination)), "", user);
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
