package org.sockd.upstream.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import org.sockd.common.netdb.Services;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.common.rules.HostNames;
import org.sockd.common.rules.Op;
import org.sockd.common.rules.PortParser;
import org.sockd.common.rules.PortTest;
import org.sockd.common.text.SyntaxException;

/**
 * The address and port forms of Dante route blocks: {@code a.b.c.d/len}, {@code a.b.c.d/mask},
 * {@code 0/0}, {@code IPv6/len}, a host name or {@code .domain}; {@code port OP N} or
 * {@code port N - M}.
 */
final class DantePatterns {

    private final PortParser ports;

    DantePatterns(Services services) {
        this.ports = new PortParser(services);
    }

    HostPattern host(String word) throws SyntaxException {
        if (word.equals("0/0")) {
            return new HostPattern.Network(new byte[4], new byte[4]);
        }
        int slash = word.indexOf('/');
        if (slash >= 0) {
            byte[] address = HostText.address(word.substring(0, slash), "Invalid route address");
            return new HostPattern.Network(address, mask(word.substring(slash + 1), address.length));
        }
        if (AddressLiterals.looksNumeric(word)) {
            byte[] address = HostText.address(word, "Invalid route address");
            return new HostPattern.Network(address, HostPattern.Network.prefixMask(address.length * 8, address.length));
        }
        boolean zone = word.startsWith(".");
        String name = zone ? word.substring(1) : word;
        if (!HostNames.isName(name) || name.endsWith(".")) {
            throw new SyntaxException("Invalid route address " + quoted(word)
                    + " (a.b.c.d/len, a.b.c.d/mask, 0/0, an IPv6 address/len, a host name or .domain)");
        }
        return zone ? new HostPattern.Zone(word) : new HostPattern.Host(word);
    }

    /**
     * Dante's server matches a route's {@code from:} against the client's address; a name would
     * need the client's reverse lookup here, so it is refused rather than never matching.
     */
    HostPattern client(String word) throws SyntaxException {
        HostPattern pattern = host(word);
        if (pattern instanceof HostPattern.Host || pattern instanceof HostPattern.Zone) {
            throw new SyntaxException("Invalid route: from: " + quoted(word)
                    + " (the client is matched by address: a.b.c.d/len, a.b.c.d/mask, IPv6/len or 0/0)");
        }
        return pattern;
    }

    private static byte[] mask(String text, int length) throws SyntaxException {
        if (text.matches("[0-9]{1,3}")) {
            int bits = Integer.parseInt(text);
            if (bits > length * 8) {
                throw new SyntaxException("Invalid route prefix length /" + text + " (at most " + length * 8 + ")");
            }
            return HostPattern.Network.prefixMask(bits, length);
        }
        return length == 4 ? HostText.ipv4(text, "Invalid route mask") : HostText.ipv6(text, "Invalid route mask");
    }

    /** @return the test of an optional {@code port OP N} or {@code port N - M} after an address */
    PortTest port(RouteBlock block) throws SyntaxException {
        if (!block.peek().equals("port")) {
            return PortTest.ANY;
        }
        block.next();
        String word = block.next();
        if (Op.dante(word).isPresent()) {
            return new PortTest.Compare(Op.dante(word).get(), ports.port(block.next()));
        }
        if (block.peek().equals("-")) {
            int low = ports.port(word);
            block.next();
            int high = ports.port(block.next());
            if (high < low) {
                throw new SyntaxException("Invalid route port range " + low + " - " + high + " (low to high)");
            }
            return new PortTest.Range(low, high);
        }
        throw new SyntaxException("Invalid route port " + quoted(word) + " (port OP N with OP one of = != < > <= >="
                + " eq ne neq lt gt le ge, or port N - M)");
    }

    /** @return the port of {@code via: host port = N}, else the default port */
    int viaPort(RouteBlock block, int defaultPort) throws SyntaxException {
        if (!block.peek().equals("port")) {
            return defaultPort;
        }
        block.next();
        String op = block.next();
        if (!op.equals("=") && !op.equalsIgnoreCase("eq")) {
            throw new SyntaxException("Invalid via: port: " + quoted(op) + " (write port = N)");
        }
        int port = ports.port(block.next());
        if (port == 0) {
            throw new SyntaxException("Invalid via: port 0");
        }
        return port;
    }
}
