/**
 * The session-event SPI: listeners receive every step of a client session.
 * 2.0.0: {@link org.sockd.api.log.SessionEvent.Ended} and {@link org.sockd.api.log.EndReason}. A new
 * permitted type of the sealed {@code SessionEvent} is a major change for a consumer: a listener
 * that switches over every event type would throw {@code MatchException} on the new one.
 * 3.0.0: {@link org.sockd.api.log.SessionEvent.UpstreamFailed} (a new permitted type, so major as
 * above); {@code Connected} names the upstream that carried a session and {@code Refused} who
 * refused it beside the rules, each keeping its former constructor.
 */
@Export
@Version("3.0.0")
package org.sockd.api.log;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
