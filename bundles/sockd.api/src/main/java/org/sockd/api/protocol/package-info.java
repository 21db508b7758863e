/**
 * The wire-protocol SPI: one handler per SOCKS version reads requests and writes replies; a reader
 * takes a load balancer's PROXY protocol header off a connection.
 */
@Export
@Version("2.1.0")
package org.sockd.api.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
