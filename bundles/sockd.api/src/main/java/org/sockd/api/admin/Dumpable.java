package org.sockd.api.admin;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A policy that can show the configuration in force (rules, routes, users), for
 * {@code sockd:dump} and SIGUSR1. Never shows a secret.
 */
@ConsumerType
public interface Dumpable {

    /** @return a heading, e.g. {@code rules from /etc/sockd.conf} */
    String title();

    /** @return the configuration in force, one entry a line, in file order */
    List<String> dump();
}
