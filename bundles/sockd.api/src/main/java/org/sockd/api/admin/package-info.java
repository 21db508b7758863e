/**
 * What the core tells about the running daemon, for launchers, administration and tests.
 * 2.4.0: {@link org.sockd.api.admin.SessionRegistry#heapShedding()}, {@link org.sockd.api.admin.ServedEndpoint}.
 */
@Export
@Version("2.4.0")
package org.sockd.api.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
