package org.sockd.api.upstream;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.MatchedRule;

/**
 * Chooses the next hop of a request that the access policy has already permitted: refuse it,
 * connect directly, or try further SOCKS or HTTP servers in order (the SOCKSified daemon of the
 * classic package, configured by a {@code socks.conf}). The core holds it dynamically and
 * greedily; with no selector registered every request goes direct, unless the daemon was told
 * that one is required, in which case it refuses every request.
 */
@ConsumerType
public interface UpstreamSelector {

    /**
     * Decides one request. Pure and fast: no blocking I/O (names were resolved by the core). Any
     * exception is taken by the core as a refusal.
     *
     * <p>The selector matches {@code request.destination()} (name patterns against the name the
     * client gave, address patterns against {@code request.resolved()}), its port, its command,
     * the client address, and the user: {@code request.authenticatedUser()} when a login proved
     * one, else {@code request.user()}. For BIND the destination is the application server the
     * client expects the connection from. UDP cannot go through upstreams: the core drops a
     * datagram whose next hop is a {@link NextHop.Try}, and never sends it direct instead.
     *
     * @param request the permitted request; {@code resolved()} is empty when a name did not
     *        resolve here, and only lines that need no address can then match
     * @return the next hop, never {@code null}; a {@link NextHop.Try} lists the upstreams in the
     *         order to try them, upstreams marked bad last
     */
    NextHop select(ConnectRequest request);

    /**
     * Tells the selector how one try of an upstream went, so that it can mark an upstream bad
     * after repeated failures and clear the mark after a success or a refusal. Reported once per
     * upstream and request: {@link TryOutcome#FAILED} when every address of it that was tried
     * failed. Local errors (no socket, a route that cannot be bound, an upstream skipped because
     * it cannot carry the request) are not reported. Never blocks.
     *
     * @param upstream one of the upstreams of a {@link NextHop.Try} this selector returned
     * @param outcome how the try ended
     */
    void report(Upstream upstream, TryOutcome outcome);

    /** @return the lines in force, in file order, each as the rule a decision would name */
    List<MatchedRule> table();

    /** @return every upstream the lines in force can choose, with its failure count and mark */
    List<UpstreamHealth> upstreams();
}
