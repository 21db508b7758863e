package org.sockd.core.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.sockd.common.net.EmbeddedIpv4;

/**
 * Destinations no rule should reach by accident, refused before the access rules whatever they say
 * (man/sockd.8, "Destination guard"): addresses that connect to this host or to no one host, the
 * link-local network where cloud metadata answers, and the daemon's own listeners (a proxy loop).
 * Loopback and private networks are left to the rules. An IPv6 address that carries an IPv4 one is
 * judged as that IPv4 address.
 */
final class DestinationGuard {

    /** Guards nothing: for what is not a destination (BIND's expected peer, UDP ASSOCIATE's client). */
    static final DestinationGuard OFF = new DestinationGuard(new Ranges(false, false, false, false, false), List::of);

    private static final byte[] AWS_METADATA_V6 = ipv6("fd00:ec2::254");
    private static final int METADATA_V4 = 0xA9FEA9FE; // 169.254.169.254

    /** Which ranges are refused; each one can be switched off in the core's configuration. */
    record Ranges(boolean unspecified, boolean linkLocal, boolean multicast, boolean broadcast, boolean ownEndpoints) {

        static Ranges of(CoreConfig config) {
            return new Ranges(config.guard_unspecified(), config.guard_link_local(), config.guard_multicast(),
                    config.guard_broadcast(), config.guard_own_endpoints());
        }
    }

    /**
     * What the guard left of a destination's addresses.
     *
     * @param passed the addresses the rules may decide, in the order given
     * @param refusal why the first refused address was refused, or empty when none was
     */
    record Screened(List<InetAddress> passed, Optional<String> refusal) {

        /** @return true when there were addresses and the guard refused every one */
        boolean refusedAll() {
            return passed.isEmpty() && refusal.isPresent();
        }
    }

    private final Ranges ranges;
    private final Supplier<List<InetSocketAddress>> endpoints;

    /** @param endpoints where the daemon listens now, read at each decision (listeners come and go) */
    DestinationGuard(Ranges ranges, Supplier<List<InetSocketAddress>> endpoints) {
        this.ranges = ranges;
        this.endpoints = endpoints;
    }

    Screened screen(List<InetAddress> addresses, int port) {
        List<InetAddress> passed = new ArrayList<>(addresses.size());
        Optional<String> first = Optional.empty();
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address, port);
            if (refusal.isEmpty()) {
                passed.add(address);
            } else if (first.isEmpty()) {
                first = refusal;
            }
        }
        return new Screened(List.copyOf(passed), first);
    }

    /** @return why the guard refuses {@code address} port {@code port}, or empty when the rules decide it */
    Optional<String> refusal(InetAddress address, int port) {
        byte[] bytes = address.getAddress();
        OptionalInt ipv4 = EmbeddedIpv4.of(bytes);
        Optional<String> range = ipv4.isPresent() ? ipv4Range(ipv4.getAsInt()) : ipv6Range(bytes);
        if (range.isPresent()) {
            return range;
        }
        return ranges.ownEndpoints() && own(address, ipv4, port) ? Optional.of("own endpoint") : Optional.empty();
    }

    private Optional<String> ipv4Range(int address) {
        if (ranges.unspecified() && address >>> 24 == 0) {
            return Optional.of("unspecified address");
        }
        if (ranges.linkLocal() && address >>> 16 == 0xA9FE) {
            return Optional.of(address == METADATA_V4 ? "cloud metadata" : "link-local");
        }
        if (ranges.multicast() && address >>> 28 == 0xE) {
            return Optional.of("multicast");
        }
        // 255.255.255.255 and the rest of 240.0.0.0/4, which no host is given
        if (ranges.broadcast() && address >>> 28 == 0xF) {
            return Optional.of("broadcast or reserved");
        }
        return Optional.empty();
    }

    private Optional<String> ipv6Range(byte[] bytes) {
        if (ranges.unspecified() && Arrays.equals(bytes, new byte[16])) {
            return Optional.of("unspecified address");
        }
        if (ranges.linkLocal() && bytes[0] == (byte) 0xfe && (bytes[1] & 0xc0) == 0x80) {
            return Optional.of("link-local");
        }
        if (ranges.linkLocal() && Arrays.equals(bytes, AWS_METADATA_V6)) {
            return Optional.of("cloud metadata");
        }
        if (ranges.multicast() && bytes[0] == (byte) 0xff) {
            return Optional.of("multicast");
        }
        return Optional.empty();
    }

    /** A wildcard listener is reached at every address of this host, loopback included. */
    private boolean own(InetAddress address, OptionalInt ipv4, int port) {
        for (InetSocketAddress endpoint : endpoints.get()) {
            if (endpoint.getPort() != port) {
                continue;
            }
            InetAddress listening = endpoint.getAddress();
            // the JDK gives an IPv4-mapped address as the IPv4 one, so equals suffices
            if (listening.isAnyLocalAddress() ? thisHost(address, ipv4) : listening.equals(address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean thisHost(InetAddress address, OptionalInt ipv4) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()
                || ipv4.isPresent() && (ipv4.getAsInt() >>> 24 == 127 || ipv4.getAsInt() >>> 24 == 0)) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true; // cannot tell whether it is ours: fail closed
        }
    }

    private static byte[] ipv6(String literal) {
        try { // a literal: parsed, never looked up
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError("an IPv6 literal", e);
        }
    }
}
