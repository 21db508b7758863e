package org.sockd.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Timeouts and limits of the session pipeline (PID {@code sockd.core}). */
@ObjectClassDefinition(name = "sockd core", description = "Timeouts and limits of every client session")
public @interface CoreConfig {

    @AttributeDefinition(description = "Milliseconds from accept to a complete request (the classic daemon had no limit)")
    int handshake_timeout_ms() default 30_000;

    @AttributeDefinition(description = "Milliseconds to connect to a destination (classic: 2 minutes)")
    int connect_timeout_ms() default 120_000;

    @AttributeDefinition(description = "Milliseconds to resolve a destination name")
    int resolve_timeout_ms() default 5_000;

    @AttributeDefinition(description = "Name lookups one client address may have in progress at once, a lookup "
            + "past resolve.timeout.ms included until the system answers; a further name waits for one to end, "
            + "within resolve.timeout.ms")
    int resolve_max_per_client() default 4;

    @AttributeDefinition(description = "Milliseconds the access policy may take to decide a request (every address "
            + "of it), an authenticator to answer a login after the client's last byte, and the route selector to "
            + "give the routes of a request; past them the request is refused")
    int policy_timeout_ms() default 5_000;

    @AttributeDefinition(description = "Milliseconds to wait for the ident client's answer (it has its own, shorter timeout)")
    int ident_wait_ms() default 20_000;

    @AttributeDefinition(description = "Ident lookups in flight at once, over every client; a request beyond it "
            + "is decided as one whose identd did not answer; 0: no limit")
    int max_ident_lookups() default 256;

    @AttributeDefinition(description = "Seconds without traffic either way before a relay is closed (classic: 2 hours)")
    int idle_timeout_s() default 7_200;

    @AttributeDefinition(description = "Sessions served at once; further clients are closed at accept; 0: as many "
            + "as the process's descriptor limit holds, two descriptors a session after a reserve")
    int max_sessions() default 0;

    @AttributeDefinition(description = "Percentage of the old generation that live data may fill (as the last "
            + "collection left it) before further clients are closed at accept, until a collection leaves it under "
            + "again; 0: never")
    int heap_shed_percent() default 90;

    @AttributeDefinition(description = "Sessions of one client address at once; its further connections are closed "
            + "at accept; 0: no limit")
    int max_sessions_per_client() default 256;

    @AttributeDefinition(description = "New connections one client address may open per second (a token bucket); "
            + "those over it are closed at accept; 0: no limit")
    int connect_rate_per_client() default 1_000;

    @AttributeDefinition(description = "Connections a client address that was quiet may open at once before "
            + "connect.rate.per.client applies")
    int connect_burst_per_client() default 2_000;

    @AttributeDefinition(description = "How relayed bytes are moved: loops (one selector thread per core moves "
            + "every session's bytes) or threads (two virtual threads per session)")
    String relay_engine() default "loops";

    @AttributeDefinition(description = "Milliseconds live sessions may go on after the daemon is told to stop")
    int shutdown_grace_ms() default 5_000;

    @AttributeDefinition(description = "SOCKS 5 authentication methods in order of preference (RFC 1928 numbers); "
            + "registered authenticators of other methods come after these")
    int[] auth_preference() default {2};

    @AttributeDefinition(description = "Serve SOCKS 4 clients even while an authenticator is registered "
            + "(a SOCKS 4 user-id is a claim, not a credential)")
    boolean socks4_without_auth() default false;

    @AttributeDefinition(description = "Milliseconds a BIND waits for the incoming connection (classic: 2 minutes)")
    int bind_timeout_ms() default 120_000;

    @AttributeDefinition(description = "BIND listeners open at once, over every client; further BINDs are refused; "
            + "0: no limit")
    int max_binds() default 256;

    @AttributeDefinition(description = "BIND listeners one client address may have open at once; 0: no limit")
    int max_binds_per_client() default 16;

    @AttributeDefinition(description = "UDP associations at once, over every client (each holds a relay socket and "
            + "two datagram buffers); further ones are refused; 0: no limit")
    int max_udp_associations() default 256;

    @AttributeDefinition(description = "UDP associations one client address may hold at once; 0: no limit")
    int max_udp_associations_per_client() default 16;

    @AttributeDefinition(description = "Milliseconds without a relayed datagram either way before a UDP association ends")
    int udp_idle_timeout_ms() default 120_000;

    @AttributeDefinition(description = "Distinct destinations one UDP association may send to")
    int udp_max_peers() default 256;

    @AttributeDefinition(description = "Username/password is required (set by -U): while no authenticator is "
            + "registered, every login fails instead of the daemon serving clients without one")
    boolean auth_required() default false;

    @AttributeDefinition(description = "A route file is in use (set by -r): while no route selector is registered, "
            + "every request that needs a route fails instead of the system choosing the interface")
    boolean route_required() default false;

    @AttributeDefinition(description = "A socks.conf is in use (set by -s): while no upstream selector is registered, "
            + "every request is refused instead of going direct")
    boolean upstream_required() default false;

    @AttributeDefinition(description = "Every reload by SIGHUP or sockd:reload also decides the live sessions again "
            + "by the rules now in force and ends those they refuse (as sockd:reload --revalidate)")
    boolean reload_revalidate() default false;

    @AttributeDefinition(description = "Destination guard: refuse 0.0.0.0/8 and ::, which connect to this host")
    boolean guard_unspecified() default true;

    @AttributeDefinition(description = "Destination guard: refuse link-local destinations (169.254.0.0/16, fe80::/10) "
            + "and the cloud metadata address fd00:ec2::254")
    boolean guard_link_local() default true;

    @AttributeDefinition(description = "Destination guard: refuse multicast destinations (224.0.0.0/4, ff00::/8)")
    boolean guard_multicast() default true;

    @AttributeDefinition(description = "Destination guard: refuse 255.255.255.255 and the reserved 240.0.0.0/4")
    boolean guard_broadcast() default true;

    @AttributeDefinition(description = "Destination guard: refuse the daemon's own listening endpoints (for a "
            + "wildcard listener, every address of this host with its port)")
    boolean guard_own_endpoints() default true;
}
