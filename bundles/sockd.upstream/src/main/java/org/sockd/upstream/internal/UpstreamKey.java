package org.sockd.upstream.internal;

import java.util.Locale;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamProtocol;

/**
 * What makes two upstreams the same server for failure marking: protocol, host and port. A mark
 * is shared by every line that names the server, whatever it calls it.
 */
record UpstreamKey(UpstreamProtocol protocol, String host, int port) {

    static UpstreamKey of(Upstream upstream) {
        return new UpstreamKey(upstream.protocol(), upstream.host().toLowerCase(Locale.ROOT), upstream.port());
    }
}
