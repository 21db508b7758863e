/** The ident SPI: who owns a client's connection, asked of the identd on the client's host (RFC 1413). */
@Export
@Version("1.0.0")
package org.sockd.api.ident;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
