package org.sockd.api.admin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A policy that reads its configuration from files and can read them again. SIGHUP and
 * {@code sockd:reload} call every registered one. A reload parses and checks the new files
 * completely before anything changes; a file with an error leaves the configuration in force.
 */
@ConsumerType
public interface Reloadable {

    /**
     * Reads the files again.
     *
     * @return what happened, never {@code null}
     */
    ReloadResult reload();
}
