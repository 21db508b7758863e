package org.sockd.core.internal;

import java.util.function.Supplier;

/**
 * What every session shares with the server that started it.
 *
 * @param config timeouts and limits
 * @param sessions the session table
 * @param resolver the name resolver
 * @param buffers the pool of large relay buffers
 * @param unrunActions where to say that a rule command found no runner
 * @param udpThroughUpstream where to say that datagrams were dropped because socks.conf sends their
 *        destination to an upstream, which cannot carry UDP
 * @param current the policies registered now, for decisions taken after a session started (each UDP
 *        datagram's destination is decided by the access policy in force when it arrives)
 * @param tally the counters for monitoring
 * @param clients the sessions and connection rate of each client address
 * @param binds the BIND listeners open, in total and of each client address
 * @param associations the UDP associations held, in total and of each client address
 * @param identLookups the ident lookups in flight, in total and to each client address
 */
record SessionContext(CoreConfig config, Sessions sessions, Resolver resolver, BufferPool buffers,
        RateLimitedLog unrunActions, RateLimitedLog udpThroughUpstream, Supplier<Policies> current,
        Tally tally, ClientLimits clients, ClientSlots binds, ClientSlots associations,
        ClientSlots identLookups) {
}
