package org.sockd.access.internal.rule;

import java.util.List;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;

/**
 * What the rules test of one request, converted once per decision so that testing a rule
 * allocates nothing and costs a few comparisons: the full test reads the first group of fields,
 * the prefilter of {@link RuleTable} the second.
 */
public final class Facts {

    final int[] client;
    final long[] client6;
    final List<String> clientNames;
    final int[] destination;
    final long[] destination6;
    final List<String> destinationNames;
    final String user;
    final int port;

    final int clientValue;
    final int clientSelector;
    final int destinationValue;
    final int destinationSelector;
    final long clientNameBits;
    final long destinationNameBits;
    final long userBits;

    private Facts(ConnectRequest request) {
        this.client = Ipv4.ofClient(request.client().remote().getAddress());
        this.client6 = Ipv6.of(request.client().remote().getAddress());
        this.clientNames = request.clientNames();
        // request.resolved() is the literal itself for a destination given by address, and every
        // address of the name otherwise: a numeric pattern matches when any of them does.
        this.destination = Ipv4.of(request.resolved());
        this.destination6 = Ipv6.of(request.resolved());
        this.destinationNames = destinationNames(request.destination());
        // a name proven by authentication is the user the rules see; a SOCKS 4 user-id is only a claim
        this.user = request.authenticatedUser() != null ? request.authenticatedUser() : request.user();
        this.port = request.destination().port();
        this.clientValue = single(client);
        this.clientSelector = client.length == 1 ? -1 : 0;
        this.destinationValue = single(destination);
        this.destinationSelector = destination.length == 1 ? -1 : 0;
        this.clientNameBits = Bits.names(clientNames);
        this.destinationNameBits = Bits.names(destinationNames);
        this.userBits = Bits.user(user);
    }

    public static Facts of(ConnectRequest request) {
        return new Facts(request);
    }

    /**
     * A destination given by address has no name, so only ALL of the name patterns matches it.
     * The final dot of an absolute name ({@code www.example.com.}) is dropped: the client chose
     * it, and it must not slip the name past a deny rule for {@code www.example.com}.
     */
    private static List<String> destinationNames(Endpoint destination) {
        if (!destination.isName()) {
            return List.of();
        }
        String host = destination.host();
        return List.of(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
    }

    private static int single(int[] addresses) {
        return addresses.length == 1 ? addresses[0] : 0;
    }
}
