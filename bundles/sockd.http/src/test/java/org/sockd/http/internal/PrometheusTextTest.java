package org.sockd.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sockd.api.metrics.Histogram;
import org.sockd.api.metrics.MetricsSnapshot;
import org.sockd.api.metrics.SessionCount;

class PrometheusTextTest {

    private static final Histogram HANDSHAKES = new Histogram(List.of(0.001, 0.01), List.of(2L, 1L, 1L), 5.25);
    private static final Histogram CONNECTS = new Histogram(List.of(0.5), List.of(0L, 0L), 0);

    @Test
    void everyFamilyHasItsHelpAndTypeAndSamplesInAFixedOrder() {
        MetricsSnapshot snapshot = new MetricsSnapshot("0.1.0.SNAPSHOT", Instant.ofEpochSecond(1_700_000_000, 500_000_000),
                7, 2, List.of(new SessionCount("5", "connect", "granted", 4), new SessionCount("4a", "bind", "refused", 1)),
                Map.of("rule", 1L, "auth", 0L), 3, 1200, 56000, HANDSHAKES, CONNECTS, 10, 9, Map.of("fragment", 1L, "denied", 2L),
                2, 1, Instant.ofEpochSecond(1_700_000_100), true);

        assertThat(PrometheusText.of(snapshot, 5).lines()).containsExactly(
                "# HELP sockd_build_info The sockd release this node runs",
                "# TYPE sockd_build_info gauge",
                "sockd_build_info{version=\"0.1.0.SNAPSHOT\"} 1",
                "# HELP sockd_start_time_seconds When the core started, in seconds since the epoch",
                "# TYPE sockd_start_time_seconds gauge",
                "sockd_start_time_seconds 1.7000000005E9",
                "# HELP sockd_sessions_started_total Client connections accepted, each a session",
                "# TYPE sockd_sessions_started_total counter",
                "sockd_sessions_started_total 7",
                "# HELP sockd_sessions_active Sessions live now",
                "# TYPE sockd_sessions_active gauge",
                "sockd_sessions_active 2",
                "# HELP sockd_sessions_total Sessions ended, by SOCKS version, command and result",
                "# TYPE sockd_sessions_total counter",
                "sockd_sessions_total{version=\"4a\",command=\"bind\",result=\"refused\"} 1",
                "sockd_sessions_total{version=\"5\",command=\"connect\",result=\"granted\"} 4",
                "# HELP sockd_refusals_total Requests refused, by what refused them",
                "# TYPE sockd_refusals_total counter",
                "sockd_refusals_total{reason=\"auth\"} 0",
                "sockd_refusals_total{reason=\"rule\"} 1",
                "# HELP sockd_proxy_headers_refused_total Connections closed unserved for want of a valid PROXY protocol header, by the listeners open now",
                "# TYPE sockd_proxy_headers_refused_total counter",
                "sockd_proxy_headers_refused_total 5",
                "# HELP sockd_auth_failures_total SOCKS 5 logins that were not accepted",
                "# TYPE sockd_auth_failures_total counter",
                "sockd_auth_failures_total 3",
                "# HELP sockd_relayed_bytes_total Bytes relayed, by direction",
                "# TYPE sockd_relayed_bytes_total counter",
                "sockd_relayed_bytes_total{direction=\"from_client\"} 1200",
                "sockd_relayed_bytes_total{direction=\"to_client\"} 56000",
                "# HELP sockd_handshake_duration_seconds From the client's connection until its request was read",
                "# TYPE sockd_handshake_duration_seconds histogram",
                "sockd_handshake_duration_seconds_bucket{le=\"0.001\"} 2",
                "sockd_handshake_duration_seconds_bucket{le=\"0.01\"} 3",
                "sockd_handshake_duration_seconds_bucket{le=\"+Inf\"} 4",
                "sockd_handshake_duration_seconds_sum 5.25",
                "sockd_handshake_duration_seconds_count 4",
                "# HELP sockd_connect_duration_seconds From the client's connection until the target's connection was established",
                "# TYPE sockd_connect_duration_seconds histogram",
                "sockd_connect_duration_seconds_bucket{le=\"0.5\"} 0",
                "sockd_connect_duration_seconds_bucket{le=\"+Inf\"} 0",
                "sockd_connect_duration_seconds_sum 0",
                "sockd_connect_duration_seconds_count 0",
                "# HELP sockd_udp_datagrams_relayed_total UDP datagrams relayed, by direction, counted when their association ends",
                "# TYPE sockd_udp_datagrams_relayed_total counter",
                "sockd_udp_datagrams_relayed_total{direction=\"from_client\"} 10",
                "sockd_udp_datagrams_relayed_total{direction=\"to_client\"} 9",
                "# HELP sockd_udp_datagrams_dropped_total UDP datagrams dropped, by reason, counted when their association ends",
                "# TYPE sockd_udp_datagrams_dropped_total counter",
                "sockd_udp_datagrams_dropped_total{reason=\"denied\"} 2",
                "sockd_udp_datagrams_dropped_total{reason=\"fragment\"} 1",
                "# HELP sockd_reloads_total Reloads, by result: failure when a file could not be used",
                "# TYPE sockd_reloads_total counter",
                "sockd_reloads_total{result=\"success\"} 2",
                "sockd_reloads_total{result=\"failure\"} 1",
                "# HELP sockd_reload_last_timestamp_seconds When the last reload ended, in seconds since the epoch",
                "# TYPE sockd_reload_last_timestamp_seconds gauge",
                "sockd_reload_last_timestamp_seconds 1700000100",
                "# HELP sockd_draining 1 while the node drains: it accepts no new clients",
                "# TYPE sockd_draining gauge",
                "sockd_draining 1");
    }

    @Test
    void withNoReloadYetThereIsNoTimeOfTheLast() {
        MetricsSnapshot snapshot = new MetricsSnapshot("1", Instant.EPOCH, 0, 0, List.of(), Map.of(), 0, 0, 0, CONNECTS,
                CONNECTS, 0, 0, Map.of(), 0, 0, null, false);

        assertThat(PrometheusText.of(snapshot, 0)).doesNotContain("sockd_reload_last_timestamp_seconds")
                .endsWith("sockd_draining 0\n");
    }

    @Test
    void labelValuesAreEscaped() {
        assertThat(PrometheusText.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }
}
