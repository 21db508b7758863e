package org.sockd.upstream.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import org.sockd.api.upstream.UpstreamProtocol;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.common.rules.HostNames;
import org.sockd.common.text.SyntaxException;

/**
 * The {@code SCHEME://host[:port]} of an upstream line; an IPv6 host is written in brackets.
 *
 * @param protocol the scheme
 * @param host the host name or address, IPv6 without brackets
 * @param port the port written, else the default port
 * @param portWritten whether the line wrote the port, so that the canonical form keeps it only then
 */
record UpstreamUrl(UpstreamProtocol protocol, String host, int port, boolean portWritten) {

    private static final String FORM = " (expected socks4|socks4a|socks5|http://host[:port], an IPv6 host in brackets)";

    static UpstreamUrl parse(String url, int defaultPort) throws SyntaxException {
        int separator = url.indexOf("://");
        UpstreamProtocol protocol = separator > 0 ? protocol(url.substring(0, separator)) : null;
        if (protocol == null) {
            throw new SyntaxException("Invalid upstream URL " + quoted(url) + FORM);
        }
        String rest = url.substring(separator + 3);
        String host;
        String port;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new SyntaxException("Invalid upstream URL " + quoted(url) + FORM);
            }
            host = rest.substring(1, close);
            HostText.ipv6(host, "Invalid upstream host");
            port = portPart(url, rest.substring(close + 1));
        } else {
            int colon = rest.indexOf(':');
            host = colon >= 0 ? rest.substring(0, colon) : rest;
            port = colon >= 0 ? rest.substring(colon + 1) : null;
            if (AddressLiterals.looksNumeric(host)) {
                HostText.ipv4(host, "Invalid upstream host");
            } else if (!HostNames.isName(host)) {
                throw new SyntaxException("Invalid upstream host " + quoted(host) + " in " + quoted(url) + FORM);
            }
        }
        if (port == null && protocol == UpstreamProtocol.HTTP) {
            throw new SyntaxException("an http:// upstream names its port (" + quoted(url) + ")");
        }
        return new UpstreamUrl(protocol, host, port == null ? defaultPort : number(url, port), port != null);
    }

    private static UpstreamProtocol protocol(String scheme) {
        for (UpstreamProtocol protocol : UpstreamProtocol.values()) {
            if (protocol.scheme().equals(scheme)) {
                return protocol;
            }
        }
        return null;
    }

    private static String portPart(String url, String afterHost) throws SyntaxException {
        if (afterHost.isEmpty()) {
            return null;
        }
        if (!afterHost.startsWith(":")) {
            throw new SyntaxException("Invalid upstream URL " + quoted(url) + FORM);
        }
        return afterHost.substring(1);
    }

    private static int number(String url, String port) throws SyntaxException {
        if (!port.matches("[1-9][0-9]{0,4}") || Integer.parseInt(port) > 0xFFFF) {
            throw new SyntaxException("Invalid port number " + quoted(port) + " in " + quoted(url) + " (1-65535)");
        }
        return Integer.parseInt(port);
    }

    /** @return the URL as written back: the port only if the line wrote it */
    String text() {
        String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return protocol.scheme() + "://" + shown + (portWritten ? ":" + port : "");
    }
}
