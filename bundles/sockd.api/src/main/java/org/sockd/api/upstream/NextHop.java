package org.sockd.api.upstream;

import java.util.List;
import java.util.Objects;
import org.sockd.api.access.MatchedRule;

/**
 * The outcome of {@link UpstreamSelector#select}. The kind of path follows from the lines alone:
 * failure marks only reorder the upstreams of a {@link Try}, they never turn it into direct egress.
 */
public sealed interface NextHop {

    /**
     * Refuse the request (SOCKS 4 reply 91, SOCKS 5 {@code 0x02}).
     *
     * @param reason for the log, e.g. {@code no line of /etc/socks.conf matches}
     * @param rule the {@code deny} line that matched (its command is run), or {@code null} when no
     *        line matched
     */
    record Deny(String reason, MatchedRule rule) implements NextHop {
        public Deny {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Connect directly, from the interface the route selector gives for the destination.
     *
     * @param rule the {@code direct} line that matched (its command is run), or {@code null} for
     *        the loopback shortcut (127.0.0.1 and ::1 always go direct)
     */
    record Direct(MatchedRule rule) implements NextHop {
    }

    /**
     * Try these upstreams in order until one accepts; only a failure of an upstream moves on to
     * the next, a refusal by an upstream is final.
     *
     * @param rule the first line that matched (its command is run before any try)
     * @param upstreams the upstreams in the order to try them; empty when none of them can carry
     *        the command (an HTTP upstream cannot BIND), which fails the request as "nothing tried"
     * @param limits the bounds on the tries of one request
     */
    record Try(MatchedRule rule, List<Upstream> upstreams, TryLimits limits) implements NextHop {
        public Try {
            Objects.requireNonNull(rule, "rule");
            upstreams = List.copyOf(upstreams);
            Objects.requireNonNull(limits, "limits");
        }
    }
}
