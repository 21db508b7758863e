package org.sockd.action.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.action.Action;

/** Requests for the tests: a SOCKS 4A client at 192.0.2.7 asking for www.example.org:80. */
final class Requests {

    static final InetAddress CLIENT = address("192.0.2.7");
    static final InetAddress DESTINATION = address("198.51.100.9");

    private Requests() {
    }

    static ConnectRequest socks4a(String user) {
        return new ConnectRequest(client(), SocksVersion.SOCKS4A, Command.CONNECT,
                Endpoint.ofName("www.example.org", 80), List.of(DESTINATION), user, null);
    }

    static ConnectRequest socks5(String authenticatedUser, Command command, Endpoint destination) {
        List<InetAddress> resolved = destination.isName() ? List.of() : List.of(destination.address());
        return new ConnectRequest(client(), SocksVersion.SOCKS5, command, destination, resolved, "", authenticatedUser);
    }

    static Action action(String command, String user) {
        return new Action(command, "sockd.conf:12", socks4a(user), null);
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static ClientInfo client() {
        return new ClientInfo(new InetSocketAddress(CLIENT, 40000), new InetSocketAddress(address("127.0.0.1"), 1080));
    }
}
