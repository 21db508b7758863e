package org.sockd.core.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;

/**
 * Asks the access policy on a thread of its own within a deadline, so that a policy that hangs
 * costs one virtual thread and never the session: past the deadline the request is refused (fail
 * closed). One deadline covers every address of a request.
 */
final class PolicyDeadline {

    private final AccessPolicy policy;
    private final long timeoutMillis;
    private final long deadline;
    private final RateLimitedLog late;

    /** @param late where a policy past its deadline is noticed */
    PolicyDeadline(AccessPolicy policy, long timeoutMillis, RateLimitedLog late) {
        this.policy = policy;
        this.timeoutMillis = timeoutMillis;
        this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.late = late;
    }

    /** @return the policy's decision, or a deny with no rule when it has none by the deadline */
    Decision decide(ConnectRequest request) {
        if (policy == null) {
            return Verdicts.ask(null, request);
        }
        FutureTask<Decision> asking = new FutureTask<>(() -> Verdicts.ask(policy, request));
        Thread.ofVirtual().name("sockd-policy").start(asking);
        try {
            return asking.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            asking.cancel(true);
            late.warn("access policy gave no decision within policy.timeout.ms, refusing: {}", policy);
            return new Decision.Deny("access policy gave no decision within " + timeoutMillis + " ms", null);
        } catch (InterruptedException e) {
            asking.cancel(true);
            Thread.currentThread().interrupt();
            return new Decision.Deny("interrupted while the access policy decided", null);
        } catch (ExecutionException e) {
            return new Decision.Deny("access policy failed", null); // Verdicts.ask catches what a policy throws
        }
    }
}
