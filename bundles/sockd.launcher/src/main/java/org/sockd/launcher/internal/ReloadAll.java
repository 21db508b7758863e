package org.sockd.launcher.internal;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.Reloadable;

/**
 * Reloads every file-backed policy and logs one line for each. A policy logs its own errors, file
 * and line; these lines say what the daemon now runs with.
 */
final class ReloadAll {

    private ReloadAll() {
    }

    /** One policy that throws does not keep the others from reloading. */
    static List<ReloadResult> run(List<Reloadable> reloadables, Logger log) {
        if (reloadables.isEmpty()) {
            log.info("SIGHUP: nothing to reload");
        }
        List<ReloadResult> results = new ArrayList<>();
        for (Reloadable reloadable : reloadables) {
            ReloadResult result;
            try {
                result = reloadable.reload();
            } catch (RuntimeException e) {
                log.error("SIGHUP: reloading {} failed", reloadable, e);
                result = new ReloadResult.Failed(reloadable.toString(), List.of(e.toString()));
            }
            switch (result) {
                case ReloadResult.Reloaded reloaded ->
                        log.info("SIGHUP: {}: reloaded {} rules", reloaded.source(), reloaded.entries());
                case ReloadResult.Failed failed -> log.warn("SIGHUP: {}: NOT reloaded ({} errors), the previous rules stay",
                        failed.source(), failed.errors().size());
            }
            results.add(result);
        }
        return results;
    }
}
