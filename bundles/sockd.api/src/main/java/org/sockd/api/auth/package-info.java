/**
 * The authentication SPI: SOCKS 5 authentication methods such as RFC 1929 username/password.
 * 2.1.0: {@link org.sockd.api.auth.Authentication.Accepted#password()}, for upstreams that forward
 * the client's login; the former constructor stays.
 */
@Export
@Version("2.1.0")
package org.sockd.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
