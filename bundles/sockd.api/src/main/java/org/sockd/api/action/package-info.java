/** The action SPI: shell commands that access rules ask to run, with the classic % codes. */
@Export
@Version("1.0.0")
package org.sockd.api.action;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
