/** Values shared by every sockd service: clients, destinations, requests. */
@Export
@Version("1.0.0")
package org.sockd.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
