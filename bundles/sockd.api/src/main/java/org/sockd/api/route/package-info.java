/** The routing SPI: which local address faces a destination on a multi-homed host (classic sockd.route). */
@Export
@Version("1.0.0")
package org.sockd.api.route;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
