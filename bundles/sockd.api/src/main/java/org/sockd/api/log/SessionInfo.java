package org.sockd.api.log;

import java.time.Instant;
import java.util.Objects;
import org.sockd.api.ConnectRequest;

/**
 * The identity of one decoded session, carried by every event about it.
 *
 * @param id the session number, unique while the daemon runs
 * @param started when the client connection was accepted
 * @param request the decoded request
 * @param ident the user-id identd reported, or {@code null} when none was asked or none answered
 */
public record SessionInfo(long id, Instant started, ConnectRequest request, String ident) {

    public SessionInfo {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(request, "request");
    }
}
