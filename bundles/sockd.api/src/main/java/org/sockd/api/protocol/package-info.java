/** The wire-protocol SPI: one handler per SOCKS version reads requests and writes replies. */
@Export
@Version("2.0.0")
package org.sockd.api.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
