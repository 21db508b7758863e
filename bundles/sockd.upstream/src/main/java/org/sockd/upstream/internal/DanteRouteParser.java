package org.sockd.upstream.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sockd.api.Command;
import org.sockd.api.upstream.NameResolution;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamAuth;
import org.sockd.api.upstream.UpstreamProtocol;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.common.rules.HostNames;
import org.sockd.common.text.SyntaxException;

/**
 * Parses the accepted subset of a Dante {@code route {}} block: {@code from:}, {@code to:},
 * {@code via:}, {@code proxyprotocol:}, {@code method:}, {@code command:} and {@code protocol: tcp}.
 * What the subset leaves out (UDP, redirect, GSS-API) is an error, never silently ignored.
 */
final class DanteRouteParser {

    private final UpstreamRegistry registry;
    private final ParseSettings settings;
    private final DantePatterns patterns;

    DanteRouteParser(UpstreamRegistry registry, ParseSettings settings) {
        this.registry = registry;
        this.settings = settings;
        this.patterns = new DantePatterns(settings.services());
    }

    DanteRoute parse(RouteBlock block) throws SyntaxException {
        if (!block.closed()) {
            throw new SyntaxException("route block without its closing }");
        }
        block.next(); // "route", checked by the caller
        expect(block, "{");
        RouteFields fields = new RouteFields();
        Set<String> seen = new HashSet<>();
        while (!block.peek().equals("}")) {
            String keyword = block.next();
            if (!seen.add(keyword)) {
                throw new SyntaxException(quoted(keyword) + " given twice in one route");
            }
            keyword(keyword, block, fields);
        }
        block.next();
        if (block.hasNext()) {
            throw new SyntaxException("Invalid route: " + quoted(block.next()) + " after the closing }");
        }
        if (fields.to == null || fields.from == null || fields.via == null) {
            throw new SyntaxException("Invalid route: it needs from:, to: and via:");
        }
        return fields.route(block.startLine(), this);
    }

    private void keyword(String keyword, RouteBlock block, RouteFields fields) throws SyntaxException {
        switch (keyword) {
            case "from:" -> {
                fields.from = patterns.client(block.next());
                fields.fromPort = patterns.port(block);
            }
            case "to:" -> {
                fields.to = patterns.host(block.next());
                fields.toPort = patterns.port(block);
            }
            case "via:" -> {
                fields.via = block.next();
                fields.viaPort = fields.via.equals("direct") ? 0 : patterns.viaPort(block, settings.defaultPort());
            }
            case "proxyprotocol:" -> fields.protocols = words(block, "socks_v4", "socks_v5", "http");
            case "method:" -> fields.methods = words(block, "none", "username");
            case "command:" -> fields.commands = words(block, "connect", "bind");
            case "protocol:" -> words(block, "tcp");
            case "" -> throw new SyntaxException("route block without its closing }");
            default -> throw new SyntaxException("Invalid route: " + quoted(keyword) + " is not supported"
                    + " (from:, to:, via:, proxyprotocol:, method:, command:, protocol: tcp)");
        }
    }

    private static void expect(RouteBlock block, String word) throws SyntaxException {
        String found = block.next();
        if (!found.equals(word)) {
            throw new SyntaxException("Invalid route: expected " + quoted(word) + ", found " + quoted(found));
        }
    }

    /** @return the words that follow, up to the next keyword; at least one, each among {@code allowed} */
    private static List<String> words(RouteBlock block, String... allowed) throws SyntaxException {
        List<String> words = new ArrayList<>();
        while (!block.peek().endsWith(":") && !block.peek().equals("}") && block.hasNext()) {
            String word = block.next();
            if (!List.of(allowed).contains(word)) {
                throw new SyntaxException("Invalid route value " + quoted(word) + " (one of " + String.join(", ", allowed)
                        + (word.startsWith("udp") || word.equals("bindreply") ? "; UDP is not chained to upstreams" : "")
                        + ")");
            }
            words.add(word);
        }
        if (words.isEmpty()) {
            throw new SyntaxException("Invalid route: a value is missing after a keyword");
        }
        return words;
    }

    /** The upstreams a route leads to, in the order of preference (SOCKS 4 first, as Dante). */
    List<Upstream> upstreams(String host, int port, List<String> protocols, UpstreamAuth auth) throws SyntaxException {
        if (AddressLiterals.looksNumeric(host)) {
            HostText.address(host, "Invalid via: address");
        } else if (!HostNames.isName(host)) {
            throw new SyntaxException("Invalid via: " + quoted(host) + " (an address, a host name or direct)");
        }
        List<Upstream> upstreams = new ArrayList<>();
        for (String word : protocols) {
            UpstreamProtocol protocol = DanteWords.protocol(word).orElseThrow();
            if (protocol == UpstreamProtocol.SOCKS4 && auth != UpstreamAuth.NONE && protocols.size() > 1) {
                continue; // SOCKS 4 has no login: the route speaks SOCKS 5 only
            }
            NameResolution resolve = protocol == UpstreamProtocol.SOCKS4 ? NameResolution.LOCAL : NameResolution.REMOTE;
            String name = host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
            upstreams.add(registry.use(new Upstream(name, protocol, host, port, resolve, null, auth, null,
                    settings.connectTimeout())));
        }
        return upstreams;
    }

    boolean forwardAllowed() {
        return settings.authForwardAllowed();
    }

    static Set<Command> commands(List<String> words) {
        Set<Command> commands = EnumSet.noneOf(Command.class);
        words.forEach(word -> commands.add(DanteWords.command(word).orElseThrow()));
        return commands;
    }
}
