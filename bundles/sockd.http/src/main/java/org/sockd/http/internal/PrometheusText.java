package org.sockd.http.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sockd.api.metrics.Histogram;
import org.sockd.api.metrics.MetricsSnapshot;
import org.sockd.api.metrics.SessionCount;

/**
 * A snapshot in the Prometheus text exposition format 0.0.4: each family with its HELP and TYPE
 * lines, counters ending in {@code _total}, durations in seconds, sizes in bytes, samples in a fixed
 * order so that two renderings of the same counts are the same text.
 */
final class PrometheusText {

    private final StringBuilder text = new StringBuilder(4096);

    private PrometheusText() {
    }

    /**
     * @param proxyHeadersRefused connections the listeners open now closed for want of a valid PROXY
     *        protocol header ({@code ListenerInfo.proxyHeadersRefused()}, summed)
     */
    static String of(MetricsSnapshot s, long proxyHeadersRefused) {
        PrometheusText out = new PrometheusText();
        out.family("sockd_build_info", "gauge", "The sockd release this node runs")
                .sample("sockd_build_info", "version", s.version(), 1);
        out.family("sockd_start_time_seconds", "gauge", "When the core started, in seconds since the epoch")
                .sample("sockd_start_time_seconds", seconds(s.started()));
        out.family("sockd_sessions_started_total", "counter", "Client connections accepted, each a session")
                .sample("sockd_sessions_started_total", s.accepted());
        out.family("sockd_sessions_active", "gauge", "Sessions live now").sample("sockd_sessions_active", s.active());
        out.family("sockd_sessions_total", "counter", "Sessions ended, by SOCKS version, command and result");
        s.sessions().stream()
                .sorted(Comparator.comparing(SessionCount::version).thenComparing(SessionCount::command)
                        .thenComparing(SessionCount::result))
                .forEach(c -> out.text.append("sockd_sessions_total{version=\"").append(escape(c.version()))
                        .append("\",command=\"").append(escape(c.command())).append("\",result=\"")
                        .append(escape(c.result())).append("\"} ").append(c.count()).append('\n'));
        out.family("sockd_refusals_total", "counter", "Requests refused, by what refused them")
                .byLabel("sockd_refusals_total", "reason", s.refusals());
        out.family("sockd_proxy_headers_refused_total", "counter",
                "Connections closed unserved for want of a valid PROXY protocol header, by the listeners open now")
                .sample("sockd_proxy_headers_refused_total", proxyHeadersRefused);
        out.family("sockd_auth_failures_total", "counter", "SOCKS 5 logins that were not accepted")
                .sample("sockd_auth_failures_total", s.authFailures());
        out.family("sockd_relayed_bytes_total", "counter", "Bytes relayed, by direction")
                .sample("sockd_relayed_bytes_total", "direction", "from_client", s.bytesFromClients())
                .sample("sockd_relayed_bytes_total", "direction", "to_client", s.bytesToClients());
        out.histogram("sockd_handshake_duration_seconds",
                "From the client's connection until its request was read", s.handshakeSeconds());
        out.histogram("sockd_connect_duration_seconds",
                "From the client's connection until the target's connection was established", s.connectSeconds());
        out.family("sockd_udp_datagrams_relayed_total", "counter",
                "UDP datagrams relayed, by direction, counted when their association ends")
                .sample("sockd_udp_datagrams_relayed_total", "direction", "from_client", s.udpFromClients())
                .sample("sockd_udp_datagrams_relayed_total", "direction", "to_client", s.udpToClients());
        out.family("sockd_udp_datagrams_dropped_total", "counter",
                "UDP datagrams dropped, by reason, counted when their association ends")
                .byLabel("sockd_udp_datagrams_dropped_total", "reason", s.udpDropped());
        out.family("sockd_reloads_total", "counter", "Reloads, by result: failure when a file could not be used")
                .sample("sockd_reloads_total", "result", "success", s.reloadsSucceeded())
                .sample("sockd_reloads_total", "result", "failure", s.reloadsFailed());
        if (s.lastReload() != null) {
            out.family("sockd_reload_last_timestamp_seconds", "gauge",
                    "When the last reload ended, in seconds since the epoch")
                    .sample("sockd_reload_last_timestamp_seconds", seconds(s.lastReload()));
        }
        out.family("sockd_draining", "gauge", "1 while the node drains: it accepts no new clients")
                .sample("sockd_draining", s.draining() ? 1 : 0);
        return out.text.toString();
    }

    private PrometheusText family(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    private PrometheusText sample(String name, double value) {
        text.append(name).append(' ').append(number(value)).append('\n');
        return this;
    }

    private PrometheusText sample(String name, String label, String value, double sample) {
        text.append(name).append('{').append(label).append("=\"").append(escape(value)).append("\"} ")
                .append(number(sample)).append('\n');
        return this;
    }

    private PrometheusText byLabel(String name, String label, Map<String, Long> counts) {
        new TreeMap<>(counts).forEach((value, count) -> sample(name, label, value, count));
        return this;
    }

    private void histogram(String name, String help, Histogram histogram) {
        family(name, "histogram", help);
        List<Double> bounds = histogram.bounds();
        long cumulative = 0;
        for (int i = 0; i < bounds.size(); i++) {
            cumulative += histogram.counts().get(i);
            sample(name + "_bucket", "le", Double.toString(bounds.get(i)), cumulative);
        }
        sample(name + "_bucket", "le", "+Inf", histogram.count());
        sample(name + "_sum", histogram.sum());
        sample(name + "_count", histogram.count());
    }

    private static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    /** Whole numbers as integers (counts), others as Java writes a double, which Prometheus parses. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
