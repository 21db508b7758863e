package org.sockd.upstream.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sockd.api.upstream.NameResolution;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamAuth;
import org.sockd.api.upstream.UpstreamProtocol;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.common.rules.HostNames;
import org.sockd.common.text.SyntaxException;

/**
 * The upstreams of one socks.conf as it is read: the declared names, and every upstream a line
 * can choose, each once.
 */
final class UpstreamRegistry {

    private final ParseSettings settings;
    private final Map<String, Upstream> declared = new HashMap<>();
    /** Classic entries used as hosts, and the first line that did, to catch a later declaration of the name. */
    private final Map<String, Integer> hostsUsed = new HashMap<>();
    private final Map<UpstreamKey, Upstream> all = new LinkedHashMap<>();
    private final List<Path> files = new ArrayList<>();

    UpstreamRegistry(ParseSettings settings) {
        this.settings = settings;
    }

    void declare(Upstream upstream) throws SyntaxException {
        String name = upstream.name();
        if (declared.containsKey(name)) {
            throw new SyntaxException("upstream " + quoted(name) + " declared twice");
        }
        if (hostsUsed.containsKey(name)) {
            throw new SyntaxException("upstream " + quoted(name) + " declared after line " + hostsUsed.get(name)
                    + " used it as a host name (declare upstreams before the lines that use them)");
        }
        declared.put(name, use(upstream));
    }

    /**
     * @param list a server list: declared upstream names, host names and dotted quads, separated by commas
     * @param line the line that uses it
     */
    List<Upstream> servers(String list, int line) throws SyntaxException {
        List<Upstream> servers = new ArrayList<>();
        for (String entry : list.split(",", -1)) {
            Upstream server = declared.containsKey(entry) ? declared.get(entry) : classic(entry, list, line);
            if (!servers.contains(server)) {
                servers.add(use(server));
            }
        }
        return servers;
    }

    /** The classic library spoke SOCKS 4A to the entry on the one default port, resolving names itself when it could. */
    private Upstream classic(String entry, String list, int line) throws SyntaxException {
        if (entry.isEmpty() || !(HostNames.isName(entry) || AddressLiterals.numberLike(entry))) {
            throw new SyntaxException("Invalid server " + quoted(entry) + " in " + quoted(list)
                    + " (a declared upstream, a host name or a dotted quad; commas only, no blanks)");
        }
        if (AddressLiterals.looksNumeric(entry)) {
            HostText.ipv4(entry, "Invalid server");
        }
        hostsUsed.putIfAbsent(entry, line);
        return new Upstream(entry, UpstreamProtocol.SOCKS4A, entry, settings.defaultPort(), NameResolution.AUTO, null,
                UpstreamAuth.NONE, null, settings.connectTimeout());
    }

    /** @return the upstream, noted as one a line can choose */
    Upstream use(Upstream upstream) {
        all.putIfAbsent(UpstreamKey.of(upstream), upstream);
        return upstream;
    }

    void addFile(Path file) {
        files.add(file);
    }

    List<Upstream> all() {
        return List.copyOf(all.values());
    }

    List<Path> files() {
        return List.copyOf(files);
    }
}
