package org.sockd.common.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.admin.DaemonTotals;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.Reloadable;
import org.sockd.api.admin.SessionRefusal;
import org.sockd.api.admin.SessionRegistry;
import org.sockd.api.admin.SessionSnapshot;
import org.sockd.api.metrics.DaemonMetrics;
import org.sockd.api.metrics.MetricsSnapshot;

/**
 * The core as a reload and the admin commands see it: a session registry with the sessions it is
 * given, and a {@code Reloadable} for them that a reload must revalidate rather than reload, and
 * that counts each reload.
 */
public final class FakeCore implements SessionRegistry, Reloadable, DaemonMetrics {

    /** The policies a dry run was asked about, in order. */
    public final List<AccessPolicy> askedAbout = new ArrayList<>();
    /** The reloads counted, in order: whether each succeeded. */
    public final List<Boolean> reloads = new ArrayList<>();
    private final List<SessionSnapshot> live;
    private final List<SessionRefusal> refusals;
    private final boolean onEveryReload;
    private int revalidations;

    /**
     * @param refusals what a revalidation or a dry run finds, whatever the policy
     * @param onEveryReload what {@link #revalidatesOnReload()} answers
     */
    public FakeCore(List<SessionSnapshot> live, List<SessionRefusal> refusals, boolean onEveryReload) {
        this.live = List.copyOf(live);
        this.refusals = List.copyOf(refusals);
        this.onEveryReload = onEveryReload;
    }

    /** @return how often the sessions were revalidated */
    public int revalidations() {
        return revalidations;
    }

    @Override
    public List<SessionRefusal> revalidate() {
        revalidations++;
        return refusals;
    }

    @Override
    public List<SessionRefusal> refusedBy(AccessPolicy candidate) {
        askedAbout.add(candidate);
        return refusals;
    }

    @Override
    public boolean revalidatesOnReload() {
        return onEveryReload;
    }

    @Override
    public ReloadResult reload() {
        throw new AssertionError("the core is revalidated, not reloaded");
    }

    @Override
    public List<SessionSnapshot> sessions() {
        return live;
    }

    @Override
    public boolean close(long id) {
        return false;
    }

    @Override
    public int sessionCap() {
        return 8192;
    }

    @Override
    public OptionalInt heapShedding() {
        return OptionalInt.empty();
    }

    @Override
    public DaemonTotals totals() {
        return new DaemonTotals(Instant.EPOCH, live.size(), live.size(), 0, 0);
    }

    @Override
    public MetricsSnapshot snapshot() {
        throw new UnsupportedOperationException("no test asks a fake core for its counters");
    }

    @Override
    public void reloaded(boolean succeeded) {
        reloads.add(succeeded);
    }
}
