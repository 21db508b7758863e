package org.sockd.common.admin;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.sockd.api.admin.FileVerdict;
import org.sockd.api.admin.LoadedFile;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.Reloadable;

/**
 * Reloads every {@link Reloadable}: the one path of SIGHUP, {@code sockd:reload} and
 * {@code bin/sockd ctl reload}. It logs one line a policy, naming what asked for the reload; a
 * policy logs its own errors, file and line, and these lines say what the daemon now runs with.
 */
public final class ReloadAll {

    private ReloadAll() {
    }

    /**
     * One policy that throws does not keep the others from reloading: it is logged with its stack
     * trace and reported as failed.
     *
     * @param trigger what asked for the reload, for the log lines: {@code SIGHUP}, {@code sockd:reload}
     * @return every policy's verdict, in the order given
     */
    public static ReloadReport run(List<Reloadable> reloadables, Logger log, String trigger) {
        if (reloadables.isEmpty()) {
            log.info("{}: nothing to reload", trigger);
        }
        List<FileVerdict> verdicts = new ArrayList<>();
        for (Reloadable reloadable : reloadables) {
            ReloadResult result;
            boolean threw = false;
            try {
                result = reloadable.reload();
            } catch (RuntimeException e) {
                log.error("{}: reloading {} failed", trigger, reloadable, e);
                result = new ReloadResult.Failed(reloadable.toString(), List.of(e.toString()));
                threw = true;
            }
            switch (result) {
                case ReloadResult.Reloaded reloaded ->
                        log.info("{}: {}: reloaded {} rules", trigger, reloaded.source(), reloaded.entries());
                case ReloadResult.Failed failed -> log.warn("{}: {}: NOT reloaded ({} errors), the previous rules stay",
                        trigger, failed.source(), failed.errors().size());
            }
            verdicts.add(threw ? verdict(result) : verdict(reloadable, result));
        }
        return new ReloadReport(verdicts);
    }

    /** A policy that tells its file's verdict names its entries (routes, users); another one's are rules. */
    private static FileVerdict verdict(Reloadable reloadable, ReloadResult result) {
        return reloadable instanceof LoadedFile file ? file.verdict() : verdict(result);
    }

    private static FileVerdict verdict(ReloadResult result) {
        return switch (result) {
            case ReloadResult.Reloaded reloaded -> new FileVerdict.Loaded(reloaded.source(), "rules", reloaded.entries());
            case ReloadResult.Failed failed -> new FileVerdict.Kept(failed.source(), "rules", failed.errors());
        };
    }
}
