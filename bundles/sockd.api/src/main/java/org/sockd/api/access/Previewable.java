package org.sockd.api.access;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An {@link AccessPolicy} that can read its files without putting them in force, so that an
 * administrator sees what a reload would decide before making it ({@code sockd:check --sessions}).
 * A policy service implements it besides {@code AccessPolicy}; a policy that does not is simply not
 * previewed.
 */
@ConsumerType
public interface Previewable {

    /**
     * Reads the files as a reload would, and changes nothing. May read files, so it is for
     * administration, never for a request's path.
     *
     * @return how the files on disk would decide, or why they could not be used; never {@code null}
     */
    Preview preview();
}
