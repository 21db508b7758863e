package org.sockd.core.internal;

import java.lang.annotation.Annotation;

/** A {@link CoreConfig} with chosen values, where Config Admin would make one in the framework. */
record TestCoreConfig(int handshake_timeout_ms, int connect_timeout_ms, int resolve_timeout_ms, int idle_timeout_s,
        int max_ident_lookups,
        int max_sessions, int max_sessions_per_client, int connect_rate_per_client, int connect_burst_per_client,
        int shutdown_grace_ms, int ident_wait_ms, int[] auth_preference, boolean socks4_without_auth,
        int bind_timeout_ms, int max_binds, int max_binds_per_client,
        int max_udp_associations, int max_udp_associations_per_client, int udp_idle_timeout_ms, int udp_max_peers,
        boolean auth_required, boolean route_required, boolean reload_revalidate, int policy_timeout_ms)
        implements CoreConfig {

    /** The defaults declared on {@link CoreConfig}. */
    static TestCoreConfig defaults() {
        return new TestCoreConfig(30_000, 120_000, 5_000, 7_200, 256, 0, 256, 1_000, 2_000, 5_000, 20_000, new int[] {2},
                false, 120_000, 256, 16, 256, 16, 120_000, 256, false, false, false, 5_000);
    }

    TestCoreConfig withTimeouts(int handshakeMillis, int idleSeconds) {
        return new TestCoreConfig(handshakeMillis, connect_timeout_ms, resolve_timeout_ms, idleSeconds,
                max_ident_lookups, max_sessions,
                max_sessions_per_client, connect_rate_per_client, connect_burst_per_client, shutdown_grace_ms,
                ident_wait_ms, auth_preference, socks4_without_auth, bind_timeout_ms, max_binds, max_binds_per_client,
                max_udp_associations, max_udp_associations_per_client, udp_idle_timeout_ms, udp_max_peers, auth_required,
                route_required, reload_revalidate, policy_timeout_ms);
    }

    TestCoreConfig withClientLimits(int sessions, int rate, int burst) {
        return new TestCoreConfig(handshake_timeout_ms, connect_timeout_ms, resolve_timeout_ms, idle_timeout_s,
                max_ident_lookups, max_sessions, sessions, rate, burst, shutdown_grace_ms, ident_wait_ms,
                auth_preference, socks4_without_auth, bind_timeout_ms, max_binds, max_binds_per_client,
                max_udp_associations, max_udp_associations_per_client, udp_idle_timeout_ms, udp_max_peers, auth_required,
                route_required, reload_revalidate, policy_timeout_ms);
    }

    TestCoreConfig withPolicyTimeout(int millis) {
        return new TestCoreConfig(handshake_timeout_ms, connect_timeout_ms, resolve_timeout_ms, idle_timeout_s,
                max_ident_lookups, max_sessions, max_sessions_per_client, connect_rate_per_client,
                connect_burst_per_client, shutdown_grace_ms, ident_wait_ms, auth_preference, socks4_without_auth,
                bind_timeout_ms, max_binds, max_binds_per_client, max_udp_associations,
                max_udp_associations_per_client, udp_idle_timeout_ms, udp_max_peers, auth_required, route_required,
                reload_revalidate, millis);
    }

    @Override
    public int heap_shed_percent() {
        return 90;
    }

    @Override
    public String relay_engine() {
        return "loops";
    }

    /** The core's tests hold the upstream selector in their {@link Policies} directly. */
    @Override
    public boolean upstream_required() {
        return false;
    }

    @Override
    public int resolve_max_per_client() {
        return 4;
    }

    @Override
    public boolean guard_unspecified() {
        return true;
    }

    @Override
    public boolean guard_link_local() {
        return true;
    }

    @Override
    public boolean guard_multicast() {
        return true;
    }

    @Override
    public boolean guard_broadcast() {
        return true;
    }

    @Override
    public boolean guard_own_endpoints() {
        return true;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return CoreConfig.class;
    }
}
