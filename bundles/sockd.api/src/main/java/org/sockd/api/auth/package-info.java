/** The authentication SPI: SOCKS 5 authentication methods such as RFC 1929 username/password. */
@Export
@Version("2.0.0")
package org.sockd.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
