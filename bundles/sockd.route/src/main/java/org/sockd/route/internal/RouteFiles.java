package org.sockd.route.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.sockd.common.files.FrozenName;
import org.sockd.common.files.IoReason;

/**
 * Finds and reads the route file the way the daemon uses it: the frozen twin ({@code sockd.fr}
 * beside {@code sockd.route}) when it exists and is not older than the text, else the text; then
 * checks that every interface is an address of this host.
 */
final class RouteFiles {

    private final LocalAddresses local;
    private final Logger log;

    RouteFiles(LocalAddresses local, Logger log) {
        this.local = Objects.requireNonNull(local, "local");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** @param file the configured file: the text, or a frozen file named directly */
    LoadResult load(Path file) {
        Path frozen = FrozenName.ofRoute(file);
        LoadResult result;
        if (Files.exists(frozen) && !FrozenName.olderThan(frozen, file)) {
            result = readFrozen(frozen);
        } else {
            if (Files.exists(frozen)) {
                // The classic daemon used a stale frozen file silently; an edit made since would be lost.
                log.warn("{} is older than {}: reading the text; run bin/sockd make-fr after every edit", frozen, file);
            }
            result = FrozenRouteFormat.FRAME.isFrozen(file) ? readFrozen(file) : RouteParser.parseFile(file);
        }
        if (result instanceof LoadResult.Loaded loaded) {
            List<RouteError> errors = LocalCheck.errors(loaded.table(), local);
            return errors.isEmpty() ? result : new LoadResult.Invalid(errors);
        }
        return result;
    }

    static LoadResult readFrozen(Path frozen) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(frozen);
        } catch (IOException e) {
            return new LoadResult.Invalid(List.of(new RouteError(frozen.toString(), 0,
                    "Unable to open frozen routing file (" + frozen + "): " + IoReason.of(e))));
        }
        return FrozenRouteReader.read(frozen.toString(), bytes);
    }
}
