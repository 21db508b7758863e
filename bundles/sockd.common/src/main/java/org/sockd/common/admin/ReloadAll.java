package org.sockd.common.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.sockd.api.admin.FileVerdict;
import org.sockd.api.admin.LoadedFile;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.Reloadable;
import org.sockd.api.admin.SessionRefusal;
import org.sockd.api.admin.SessionRegistry;
import org.sockd.api.metrics.DaemonMetrics;

/**
 * Reloads every {@link Reloadable}: the one path of SIGHUP, {@code sockd:reload} and
 * {@code bin/sockd ctl reload}. It logs one line a policy, naming what asked for the reload; a
 * policy logs its own errors, file and line, and these lines say what the daemon now runs with.
 * The core is a {@code Reloadable} too, for its live sessions: they come after every file, so that
 * a revalidation decides them by the new rules (man/sockd.8, "Reloading"), and it counts the reload
 * for the metrics.
 */
public final class ReloadAll {

    private ReloadAll() {
    }

    /** As {@link #run(List, Logger, String, boolean)}, revalidating only where the core is set to. */
    public static ReloadReport run(List<Reloadable> reloadables, Logger log, String trigger) {
        return run(reloadables, log, trigger, false);
    }

    /**
     * One policy that throws does not keep the others from reloading: it is logged with its stack
     * trace and reported as failed.
     *
     * @param trigger what asked for the reload, for the log lines: {@code SIGHUP}, {@code sockd:reload}
     * @param revalidate decide the live sessions again even where the core is not set to do it on every reload
     * @return every policy's verdict, in the order given, and the sessions a revalidation ended
     */
    public static ReloadReport run(List<Reloadable> reloadables, Logger log, String trigger, boolean revalidate) {
        List<Reloadable> files = reloadables.stream().filter(r -> !(r instanceof SessionRegistry)).toList();
        if (files.isEmpty()) {
            log.info("{}: nothing to reload", trigger);
        }
        List<FileVerdict> verdicts = new ArrayList<>();
        for (Reloadable reloadable : files) {
            Attempt attempt = reload(reloadable, log, trigger);
            ReloadResult result = attempt.result();
            switch (result) {
                case ReloadResult.Reloaded reloaded ->
                        log.info("{}: {}: reloaded {} rules", trigger, reloaded.source(), reloaded.entries());
                case ReloadResult.Failed failed -> log.warn("{}: {}: NOT reloaded ({} errors), the previous rules stay",
                        trigger, failed.source(), failed.errors().size());
            }
            verdicts.add(attempt.threw() ? verdict(result) : verdict(reloadable, result));
        }
        ReloadReport report = new ReloadReport(verdicts, revalidation(reloadables, log, trigger, revalidate));
        reloadables.stream().filter(DaemonMetrics.class::isInstance).map(DaemonMetrics.class::cast)
                .forEach(metrics -> metrics.reloaded(!report.anyFailed()));
        return report;
    }

    /** A policy's result, and whether it threw (then its own verdict cannot be trusted). */
    private record Attempt(ReloadResult result, boolean threw) {
    }

    private static Attempt reload(Reloadable reloadable, Logger log, String trigger) {
        try {
            return new Attempt(reloadable.reload(), false);
        } catch (RuntimeException e) {
            log.error("{}: reloading {} failed", trigger, reloadable, e);
            return new Attempt(new ReloadResult.Failed(reloadable.toString(), List.of(e.toString())), true);
        }
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

    /** @return the sessions ended, or empty when no live session was decided again */
    private static Optional<List<SessionRefusal>> revalidation(List<Reloadable> reloadables, Logger log,
            String trigger, boolean revalidate) {
        Optional<SessionRegistry> core = reloadables.stream().filter(SessionRegistry.class::isInstance)
                .map(SessionRegistry.class::cast).findFirst();
        if (core.isEmpty() || !(revalidate || core.get().revalidatesOnReload())) {
            return Optional.empty();
        }
        List<SessionRefusal> ended = core.get().revalidate();
        log.info("{}: live sessions revalidated: {} ended", trigger, ended.size());
        return Optional.of(ended);
    }
}
