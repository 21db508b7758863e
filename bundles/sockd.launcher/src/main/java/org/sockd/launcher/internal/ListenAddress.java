package org.sockd.launcher.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Reads {@code ADDR:PORT} and {@code [IPv6]:PORT} without ever asking DNS. */
final class ListenAddress {

    private ListenAddress() {
    }

    static InetSocketAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected ADDR:PORT, for example 127.0.0.1:1080 or [::1]:1080");
        }
        String host = text.substring(0, colon);
        int port = port(text.substring(colon + 1));
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
            if (!host.contains(":")) {
                throw new IllegalArgumentException("only IPv6 addresses go in brackets");
            }
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("write IPv6 addresses in brackets, for example [::1]:1080");
        }
        return new InetSocketAddress(literal(host), port);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 0xFFFF) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("port must be a number from 0 to 65535");
    }

    private static InetAddress literal(String host) {
        boolean numeric = host.contains(":") ? host.matches("[0-9a-fA-F:.]+")
                : host.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
        if (!numeric) {
            throw new IllegalArgumentException("the address must be an IPv4 or IPv6 literal, not \"" + host + "\"");
        }
        try {
            return InetAddress.getByName(host); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a valid address: " + host, e);
        }
    }
}
