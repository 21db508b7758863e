package org.sockd.upstream.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.TryOutcome;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamHealth;

/**
 * The table in force with its failure marks, swapped whole by a successful reload (which also
 * starts the marks afresh). Only this pairing is particular to socks.conf: the load-and-swap
 * itself is the one every reloadable file shares.
 */
final class TablesInForce {

    /** @param table the valid table, or {@code null} while the file has never loaded */
    private record Current(SocksTable table, FailureMarks marks, List<SocksConfError> errors) {
    }

    private final Path file;
    private final Supplier<LoadResult> loader;
    private final Function<SocksTable, FailureMarks> marks;
    private final Logger log;
    private volatile Current current;

    /**
     * Loads the file for the first time. There is no old table to keep yet, so a file with an
     * error leaves none, and every request is refused until a reload succeeds.
     */
    TablesInForce(Path file, Supplier<LoadResult> loader, Function<SocksTable, FailureMarks> marks, Logger log) {
        this.file = file;
        this.loader = loader;
        this.marks = marks;
        this.log = log;
        this.current = new Current(null, null, List.of());
        reload();
    }

    /** Serialised, so that a slow reload can never overwrite the result of a later one. */
    synchronized ReloadResult reload() {
        return switch (loader.get()) {
            case LoadResult.Loaded loaded -> {
                current = new Current(loaded.table(), marks.apply(loaded.table()), List.of());
                log.info("loaded {} socks.conf entries from {}", loaded.table().entries().size(), loaded.table().origin());
                yield new ReloadResult.Reloaded(file.toString(), loaded.table().entries().size());
            }
            case LoadResult.Invalid invalid -> {
                invalid.errors().forEach(error -> log.error("{}", error));
                boolean kept = current.table() != null;
                log.error("{} not loaded ({} errors): {}", file, invalid.errors().size(),
                        kept ? "the previous table stays in force" : "every request is refused until a reload succeeds");
                if (!kept) {
                    current = new Current(null, null, invalid.errors());
                }
                yield new ReloadResult.Failed(file.toString(), invalid.errors().stream().map(Object::toString).toList());
            }
        };
    }

    NextHop select(RequestFacts facts) {
        Current now = current;
        return now.table() == null
                ? new NextHop.Deny(file + " has errors (" + now.errors().get(0) + "); every request is refused", null)
                : Selection.select(now.table(), facts, now.marks());
    }

    void report(Upstream upstream, TryOutcome outcome) {
        Current now = current;
        if (now.marks() != null) {
            now.marks().report(upstream, outcome);
        }
    }

    List<MatchedRule> rules() {
        Current now = current;
        return now.table() == null ? List.of() : now.table().rules();
    }

    List<UpstreamHealth> health() {
        Current now = current;
        return now.table() == null ? List.of() : now.marks().health(now.table().upstreams());
    }

    List<Path> files() {
        Current now = current;
        return now.table() == null ? List.of() : now.table().files();
    }

    String title() {
        Current now = current;
        return now.table() == null ? "no next hops: " + file + " has errors; every request is refused"
                : "next hops from " + now.table().origin() + " (" + entries(now.table().entries().size())
                        + "; no match is deny)";
    }

    private static String entries(int count) {
        return count == 1 ? "1 entry" : count + " entries";
    }

    /** @return the meaningful lines in canonical form, each after its line number; never a password */
    List<String> dump() {
        Current now = current;
        return now.table() == null ? List.of()
                : now.table().canonical().stream().map(line -> line.number() + ": " + line.text()).toList();
    }
}
