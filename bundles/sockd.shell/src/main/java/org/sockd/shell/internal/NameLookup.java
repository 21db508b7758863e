package org.sockd.shell.internal;

import java.net.InetAddress;
import java.util.List;

/** The name service, as the core uses it: each answer within a deadline, none after it. */
interface NameLookup {

    /** @return every address of the host name; empty when it does not resolve in time */
    List<InetAddress> addresses(String host) throws InterruptedException;

    /** @return the address's host names whose forward lookup gives it back; empty when none in time */
    List<String> confirmedNames(InetAddress address) throws InterruptedException;
}
