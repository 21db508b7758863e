package org.sockd.route.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.sockd.api.admin.ReloadResult;

/**
 * The routes in force, and the only way to replace them: read the whole file and swap only when
 * every line is valid. A lookup reads the one reference once, so it sees the old table or the new
 * one, never a mix.
 */
final class LiveRoutes {

    private final Path file;
    private final Function<Path, LoadResult> loader;
    private final Logger log;
    private volatile Routes current;

    /**
     * Loads the file for the first time. There is no old table to keep yet, so a file with an error
     * leaves a table that fails every lookup until a reload succeeds.
     *
     * @param loader reads and checks the whole file; {@link RouteFiles#load} outside tests
     */
    LiveRoutes(Path file, Function<Path, LoadResult> loader, Logger log) {
        this.file = Objects.requireNonNull(file, "file");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.log = Objects.requireNonNull(log, "log");
        this.current = initial();
    }

    Routes current() {
        return current;
    }

    /** Serialised, so that a slow reload can never overwrite the result of a later one. */
    synchronized ReloadResult reload() {
        return switch (loader.apply(file)) {
            case LoadResult.Loaded loaded -> {
                current = loaded.table();
                log.info("reloaded {} routes from {}", loaded.table().lines().size(), loaded.table().origin());
                warnIfEmpty(loaded.table());
                yield new ReloadResult.Reloaded(file.toString(), loaded.table().lines().size());
            }
            case LoadResult.Invalid invalid -> {
                invalid.errors().forEach(error -> log.error("{}", error));
                log.error("{} not reloaded: {}, the previous routes stay in force", file, count(invalid.errors()));
                yield new ReloadResult.Failed(file.toString(), invalid.errors().stream().map(RouteError::toString).toList());
            }
        };
    }

    private Routes initial() {
        return switch (loader.apply(file)) {
            case LoadResult.Loaded loaded -> {
                log.info("loaded {} routes from {}", loaded.table().lines().size(), loaded.table().origin());
                warnIfEmpty(loaded.table());
                yield loaded.table();
            }
            case LoadResult.Invalid invalid -> {
                invalid.errors().forEach(error -> log.error("{}", error));
                log.error("{} not loaded ({}): every route lookup fails until a reload succeeds", file,
                        count(invalid.errors()));
                yield new UnusableRoutes(file.toString(), invalid.errors());
            }
        };
    }

    private void warnIfEmpty(RouteTable table) {
        if (table.lines().isEmpty()) {
            log.warn("{} has no routes: every route lookup fails", table.origin());
        }
    }

    private static String count(List<RouteError> errors) {
        return errors.size() == 1 ? "1 error" : errors.size() + " errors";
    }
}
