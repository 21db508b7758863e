/**
 * What the core counts while it runs, for monitoring: a snapshot of counters, gauges and
 * histograms that a bundle renders (the HTTP {@code /metrics} endpoint, {@code sockd:stats}).
 */
@Export
@Version("1.0.0")
package org.sockd.api.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
