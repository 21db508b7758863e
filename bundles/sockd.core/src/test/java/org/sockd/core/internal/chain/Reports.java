package org.sockd.core.internal.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.sockd.api.upstream.TryOutcome;
import org.sockd.api.upstream.Upstream;

/** What the dialer reported to the selector, in order, as {@code name=OUTCOME}. */
final class Reports implements BiConsumer<Upstream, TryOutcome> {

    private final List<String> reported = new ArrayList<>();

    @Override
    public synchronized void accept(Upstream upstream, TryOutcome outcome) {
        reported.add(upstream.name() + "=" + outcome);
    }

    synchronized List<String> list() {
        return List.copyOf(reported);
    }
}
