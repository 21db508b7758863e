package org.sockd.admin.internal;

import java.time.Duration;

/**
 * How long and how many, for the admin channel.
 *
 * @param commandTimeout how long a command may run before it is interrupted and answered as failed
 * @param ioTimeout how long a client may take to send its line, and to take the answer
 * @param maxClients connections served at once; more are answered "busy"
 */
record Limits(Duration commandTimeout, Duration ioTimeout, int maxClients) {
    Limits {
        if (commandTimeout.isNegative() || commandTimeout.isZero() || ioTimeout.isNegative() || ioTimeout.isZero()
                || maxClients < 1) {
            throw new IllegalArgumentException("limits must be positive: " + commandTimeout + ", " + ioTimeout
                    + ", " + maxClients);
        }
    }
}
