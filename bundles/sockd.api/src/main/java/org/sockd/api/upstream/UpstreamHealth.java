package org.sockd.api.upstream;

import java.time.Duration;
import java.util.Objects;

/**
 * An upstream and its failure marking, for {@code sockd:upstreams}.
 *
 * @param upstream the upstream
 * @param failures its consecutive failures since its last success or refusal
 * @param markAge how long ago it was marked bad, or {@code null} while it is usable
 */
public record UpstreamHealth(Upstream upstream, int failures, Duration markAge) {

    public UpstreamHealth {
        Objects.requireNonNull(upstream, "upstream");
        if (failures < 0) {
            throw new IllegalArgumentException("failures cannot be negative: " + failures);
        }
    }

    /** @return whether the upstream is marked bad, so that it is tried only after the usable ones */
    public boolean bad() {
        return markAge != null;
    }
}
