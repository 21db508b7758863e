package org.sockd.upstream.internal;

import java.time.Duration;
import java.util.Objects;
import org.sockd.api.upstream.TryLimits;
import org.sockd.common.netdb.Services;

/**
 * What a socks.conf is read with, from the component's configuration.
 *
 * @param defaultServers the server list of {@code sockd} lines without {@code @=}, or {@code null} when there is none
 * @param defaultServersOrigin where that list comes from, for messages ({@code default.server} or {@code SOCKS_SERVER})
 * @param defaultPort the port of classic server entries and of URLs without one
 * @param connectTimeout the connect timeout of upstreams without {@code connect.timeout=}
 * @param authForwardAllowed whether {@code auth=forward} and {@code method: username} may be used
 * @param marking failure marking, unless the file's {@code route.*:} lines say otherwise
 * @param limits the bounds on the tries of one request
 * @param services where tcp service names in port fields are looked up
 */
record ParseSettings(String defaultServers, String defaultServersOrigin, int defaultPort, Duration connectTimeout,
        boolean authForwardAllowed, Marking marking, TryLimits limits, Services services) {

    /** Without socks/tcp in the services file, classic clients used 1080. */
    static final int SOCKS_PORT = 1080;

    ParseSettings {
        if (defaultPort < 1 || defaultPort > 0xFFFF) {
            throw new IllegalArgumentException("default.port out of range: " + defaultPort);
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(marking, "marking");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(services, "services");
    }

    /**
     * @param configured the {@code default.port} property, or 0 for none
     * @return that port, else the {@code socks/tcp} service, else 1080
     */
    static int defaultPort(int configured, Services services) {
        return configured > 0 ? configured : services.port("socks").orElse(SOCKS_PORT);
    }
}
