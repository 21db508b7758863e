/** The access-control SPI: a policy decides whether a request is permitted. */
@Export
@Version("1.0.0")
package org.sockd.api.access;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
