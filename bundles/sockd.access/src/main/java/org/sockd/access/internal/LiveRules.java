package org.sockd.access.internal;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.sockd.access.internal.parse.ConfError;
import org.sockd.access.internal.parse.ConfParser;
import org.sockd.access.internal.parse.ParseResult;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.api.admin.ReloadResult;
import org.sockd.common.netdb.Services;

/**
 * The rule set in force, and the only way to replace it: read the whole file and swap only when
 * every line is valid. A decision reads the set once, so it sees the old rules or the new ones,
 * never a mix.
 */
final class LiveRules {

    private final Path file;
    private final Function<Path, ParseResult> reader;
    private final Logger log;
    private final AtomicReference<RuleSet> current;

    private LiveRules(Path file, Function<Path, ParseResult> reader, Logger log) {
        this.file = Objects.requireNonNull(file, "file");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.log = Objects.requireNonNull(log, "log");
        this.current = new AtomicReference<>(initial());
    }

    /**
     * Loads the file for the first time. There are no old rules to keep yet, so a file with an
     * error leaves the policy refusing everything.
     *
     * @param reader reads and checks the whole file; {@link #read(Path)} outside tests
     */
    static LiveRules load(Path file, Function<Path, ParseResult> reader, Logger log) {
        return new LiveRules(file, reader, log);
    }

    /** The file as sockd.conf, with tcp service names from the system's services file as it is now. */
    static ParseResult read(Path file) {
        try {
            return new ConfParser(Services.system()).load(file);
        } catch (UncheckedIOException e) {
            return new ParseResult.Invalid(List.of(new ConfError(file.toString(), 0, e.getMessage())));
        }
    }

    RuleSet current() {
        return current.get();
    }

    /** Serialised, so that a slow reload can never overwrite the result of a later one. */
    synchronized ReloadResult reload() {
        return switch (reader.apply(file)) {
            case ParseResult.Parsed parsed -> {
                current.set(parsed.rules());
                log.info("reloaded {} rules from {}", parsed.rules().rules().size(), file);
                warnIfEmpty(parsed.rules());
                yield new ReloadResult.Reloaded(file.toString(), parsed.rules().rules().size());
            }
            case ParseResult.Invalid invalid -> {
                invalid.errors().forEach(error -> log.error("{}", error));
                log.error("{} not reloaded: {}, the previous rules stay in force", file, count(invalid.errors()));
                yield new ReloadResult.Failed(file.toString(), invalid.errors().stream().map(ConfError::toString).toList());
            }
        };
    }

    private RuleSet initial() {
        return switch (reader.apply(file)) {
            case ParseResult.Parsed parsed -> {
                log.info("loaded {} rules from {}", parsed.rules().rules().size(), file);
                warnIfEmpty(parsed.rules());
                yield parsed.rules();
            }
            case ParseResult.Invalid invalid -> {
                invalid.errors().forEach(error -> log.error("{}", error));
                log.error("{} not loaded ({}): refusing every request", file, count(invalid.errors()));
                yield RuleSet.empty(file.toString());
            }
        };
    }

    private void warnIfEmpty(RuleSet rules) {
        if (rules.rules().isEmpty()) {
            log.warn("{} has no rules: every request is refused", file);
        }
    }

    private static String count(List<ConfError> errors) {
        return errors.size() == 1 ? "1 error" : errors.size() + " errors";
    }
}
