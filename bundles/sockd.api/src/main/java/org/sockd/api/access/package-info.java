/**
 * The access-control SPI: a policy decides whether a request is permitted.
 * 1.1.0: {@link org.sockd.api.access.Previewable} and {@link org.sockd.api.access.Preview}, new types
 * a policy may implement, and the service property {@link org.sockd.api.access.AccessPolicy#REVALIDATE}:
 * nothing a policy written for 1.0 has to implement, so a minor change.
 */
@Export
@Version("1.1.0")
package org.sockd.api.access;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
