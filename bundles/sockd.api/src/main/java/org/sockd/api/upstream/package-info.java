/**
 * The next-hop SPI of the SOCKSified daemon: for a request the access rules permitted, whether to
 * refuse it, connect directly, or go through further SOCKS or HTTP servers (classic client file
 * {@code socks.conf}).
 */
@Export
@Version("1.0.0")
package org.sockd.api.upstream;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
