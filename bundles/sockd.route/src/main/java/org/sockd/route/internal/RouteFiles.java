package org.sockd.route.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.sockd.common.files.FrozenName;
import org.sockd.common.reload.FileKind;
import org.sockd.common.reload.LoadResult;
import org.sockd.common.rules.RuleFileRead;

/**
 * Finds and reads the route file the way the daemon uses it: the frozen twin ({@code sockd.fr}
 * beside {@code sockd.route}) when it exists and is not older than the text, else the text; then
 * checks that every interface is an address of this host. While no valid file was ever read,
 * every lookup fails: the system's choice could hand a client an address the far side cannot reach.
 */
final class RouteFiles {

    static final FileKind<Routes> KIND = FileKind.<Routes>of("routes", routes -> routes.entries().size(),
            (file, errors) -> new UnusableRoutes(file.toString(), errors),
            "every route lookup fails until a reload succeeds")
            .withOrigin(RouteFiles::origin)
            .withReview((file, routes, log) -> {
                if (routes.entries().isEmpty()) {
                    log.warn("{} has no routes: every route lookup fails", origin(file, routes));
                }
            });

    private final LocalAddresses local;
    private final Logger log;

    RouteFiles(LocalAddresses local, Logger log) {
        this.local = Objects.requireNonNull(local, "local");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** @param file the configured file: the text, or a frozen file named directly */
    LoadResult<RouteTable> load(Path file) {
        Path frozen = FrozenName.ofRoute(file);
        LoadResult<RouteTable> result;
        if (Files.exists(frozen) && !FrozenName.olderThan(frozen, file)) {
            result = readFrozen(frozen);
        } else {
            if (Files.exists(frozen)) {
                // The classic daemon used a stale frozen file silently; an edit made since would be lost.
                log.warn("{} is older than {}: reading the text; run bin/sockd make-fr after every edit", frozen, file);
            }
            result = FrozenRouteFormat.FRAME.isFrozen(file) ? readFrozen(file) : RouteParser.parseFile(file);
        }
        return LocalCheck.checked(result, local);
    }

    static LoadResult<RouteTable> readFrozen(Path frozen) {
        return RuleFileRead.bytes(frozen, "frozen routing file",
                bytes -> FrozenRouteReader.read(frozen.toString(), bytes));
    }

    /** The file read, which may be the frozen twin, rather than the one configured. */
    private static String origin(Path file, Routes routes) {
        return routes instanceof RouteTable table ? table.origin() : file.toString();
    }
}
