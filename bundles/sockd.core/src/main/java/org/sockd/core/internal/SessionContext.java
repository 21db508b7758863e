package org.sockd.core.internal;

/**
 * What every session shares with the server that started it.
 *
 * @param config timeouts and limits
 * @param sessions the session table
 * @param resolver the name resolver
 * @param buffers the pool of large relay buffers
 * @param unrunActions where to say that a rule command found no runner
 */
record SessionContext(CoreConfig config, Sessions sessions, Resolver resolver, BufferPool buffers,
        RateLimitedLog unrunActions) {
}
