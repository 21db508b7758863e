package org.sockd.core.internal;

import java.util.function.Supplier;

/**
 * What every session shares with the server that started it.
 *
 * @param config timeouts and limits
 * @param sessions the session table
 * @param resolver the name resolver
 * @param relays makes each granted session's relay
 * @param unrunActions where to say that a rule command found no runner
 * @param udpThroughUpstream where to say that datagrams were dropped because socks.conf sends their
 *        destination to an upstream, which cannot carry UDP
 * @param current the policies registered now, for decisions taken after a session started (each UDP
 *        datagram's destination is decided by the access policy in force when it arrives)
 * @param tally the counters for monitoring
 * @param guard the destinations refused before the rules
 * @param latePolicy where to say that the access policy gave no decision in time
 * @param clients the sessions and connection rate of each client address
 * @param binds the BIND listeners open, in total and of each client address
 * @param associations the UDP associations held, in total and of each client address
 * @param identLookups the ident lookups in flight, in total and to each client address
 */
record SessionContext(CoreConfig config, Sessions sessions, Resolver resolver, RelayEngine relays,
        RateLimitedLog unrunActions, RateLimitedLog udpThroughUpstream, Supplier<Policies> current,
        Tally tally, DestinationGuard guard, RateLimitedLog latePolicy, ClientLimits clients, ClientSlots binds,
        ClientSlots associations, ClientSlots identLookups) {

    /** @return the access policy registered now, asked within the configured deadline from this moment */
    PolicyDeadline policyDeadline(Policies policies) {
        return new PolicyDeadline(policies.access(), config.policy_timeout_ms(), latePolicy);
    }
}
