package org.sockd.api.admin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A policy that reads a configuration file, registered as a service so that a launcher, a
 * configuration test ({@code bin/sockd -V}) and a readiness check can tell whether the file was
 * loaded. Each registered one is a line of {@code bin/sockd -V} and {@code sockd:reload}.
 */
@ConsumerType
public interface LoadedFile {

    /**
     * @return what the last read of the file gave: at start, or at the last reload; never {@code null}
     */
    FileVerdict verdict();
}
