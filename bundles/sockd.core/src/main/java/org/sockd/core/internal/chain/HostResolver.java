package org.sockd.core.internal.chain;

import java.net.InetAddress;
import java.util.List;

/** Resolves an upstream's host name at each use, bounded in time like every lookup of the core. */
@FunctionalInterface
public interface HostResolver {

    /** @return the addresses in the order to try them; empty when the name does not resolve (in time) */
    List<InetAddress> resolve(String host) throws InterruptedException;
}
