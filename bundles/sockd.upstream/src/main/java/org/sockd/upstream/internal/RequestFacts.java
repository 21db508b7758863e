package org.sockd.upstream.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;

/**
 * What the lines test of one request, converted once per decision.
 *
 * @param addresses the destination's addresses (IPv4-mapped ones as IPv4), empty when its name did not resolve
 * @param name the name the client gave, without a final dot, or {@code null} for an address
 * @param port the destination port
 * @param user a name proven by a login, else the user-id the client sent, else empty (as sockd.conf's {@code *=})
 * @param client the client's address (IPv4-mapped as IPv4)
 * @param clientPort the client's port
 * @param command what the client asked for
 */
record RequestFacts(List<byte[]> addresses, String name, int port, String user, byte[] client, int clientPort,
        Command command) {

    private static final byte[] IPV4_LOOPBACK = {127, 0, 0, 1};
    private static final byte[] IPV6_LOOPBACK = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    static RequestFacts of(ConnectRequest request) {
        List<byte[]> addresses = new ArrayList<>(request.resolved().size());
        request.resolved().forEach(address -> addresses.add(unmapped(address.getAddress())));
        // A final dot must not slip a name past a pattern written without it.
        String host = request.destination().host();
        String name = host != null && host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String user = request.authenticatedUser() != null ? request.authenticatedUser() : request.user();
        return new RequestFacts(List.copyOf(addresses), name, request.destination().port(), user,
                unmapped(request.client().remote().getAddress().getAddress()), request.client().remote().getPort(),
                request.command());
    }

    /** The classic library sent 127.0.0.1 direct before reading any line; ::1 is its IPv6 twin. */
    boolean loopback() {
        return !addresses.isEmpty()
                && addresses.stream().allMatch(a -> Arrays.equals(a, IPV4_LOOPBACK) || Arrays.equals(a, IPV6_LOOPBACK));
    }

    boolean hasIpv4() {
        return addresses.stream().anyMatch(address -> address.length == 4);
    }

    private static byte[] unmapped(byte[] bytes) {
        if (bytes.length != 16) {
            return bytes;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return bytes;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
    }
}
