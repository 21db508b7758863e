package org.sockd.upstream.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.TryOutcome;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamHealth;
import org.sockd.common.reload.FileError;

/**
 * The socks.conf had errors when the daemon started, so there is no table yet. Every request is
 * refused: going direct could bypass the firewall the upstreams stand for.
 *
 * @param file the socks.conf
 * @param errors what is wrong with it, at least one
 */
record UnusableSocksConf(String file, List<FileError> errors) implements NextHops {

    UnusableSocksConf {
        Objects.requireNonNull(file, "file");
        errors = List.copyOf(errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an unusable file has at least one error");
        }
    }

    @Override
    public NextHop select(RequestFacts facts) {
        return new NextHop.Deny(file + " has errors (" + errors.get(0) + "); every request is refused", null);
    }

    @Override
    public void report(Upstream upstream, TryOutcome outcome) {
        // no upstream was chosen from this file, so there is nothing to mark
    }

    @Override
    public List<MatchedRule> rules() {
        return List.of();
    }

    @Override
    public List<UpstreamHealth> health() {
        return List.of();
    }

    @Override
    public List<Path> files() {
        return List.of();
    }

    @Override
    public String title() {
        return "no next hops: " + file + " has errors; every request is refused";
    }

    @Override
    public List<String> dump() {
        return List.of();
    }

    @Override
    public int size() {
        return 0;
    }
}
