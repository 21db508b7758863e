/** The session-event SPI: listeners receive every step of a client session. */
@Export
@Version("1.0.0")
package org.sockd.api.log;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
