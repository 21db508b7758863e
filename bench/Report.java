import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the result lines of one bench/run (SocksLoad, SocksBench, the idle, rest and cold-start
 * lines of bench/run itself: {@code TEST target=NAME key=value ...}) into one table of medians per
 * target with the ratios sockd/dante, sockd/microsocks, sockd/direct, sockd-via-sockd/sockd and
 * sockd-metrics/sockd, and an SVG bar chart of those ratios. {@code java bench/Report.java RESULTS CHART.svg}. See bench/README.md.
 */
public final class Report {

    /** Figures shown, in this order within a row group; true where higher is better. */
    static final Map<String, Boolean> METRICS = new LinkedHashMap<>();

    static {
        for (String m : List.of("conn/s", "MiB/s", "held", "verified")) {
            METRICS.put(m, true);
        }
        for (String m : List.of("p50_us", "p99_us", "pss_kib_per_tunnel", "rss_kib_per_tunnel", "pss_mib", "rss_mib",
                "first_byte_ms", "connect_reply_ms")) {
            METRICS.put(m, false);
        }
    }

    /** Keys that tell measurements of one test apart: each value is a row group of its own. */
    static final List<String> PARAMS = List.of("concurrency", "streams", "tunnels", "setting");
    static final List<String> TARGETS = List.of("direct", "dante", "microsocks", "sockd", "sockd-via-sockd",
            "sockd-metrics");
    /**
     * Each is the first target's figure over the second's; the last two are the cost of one upstream
     * hop and of serving metrics.
     */
    static final List<String> RATIOS = List.of("sockd/dante", "sockd/microsocks", "sockd/direct",
            "sockd-via-sockd/sockd", "sockd-metrics/sockd");

    record Line(String group, String target, Map<String, String> fields) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java bench/Report.java RESULTS CHART.svg");
            System.exit(2);
        }
        List<Line> lines = parse(Files.readAllLines(Path.of(args[0])));
        Report report = new Report(lines);
        System.out.print(report.table());
        Files.writeString(Path.of(args[1]), report.svg());
    }

    static List<Line> parse(List<String> text) {
        List<Line> lines = new ArrayList<>();
        for (String raw : text) {
            String[] words = raw.trim().split("\\s+");
            if (raw.startsWith("#") || words.length < 2 || !words[1].startsWith("target=")) {
                continue;
            }
            Map<String, String> f = new LinkedHashMap<>();
            for (String w : words) {
                int eq = w.indexOf('=');
                if (eq > 0) {
                    f.put(w.substring(0, eq), w.substring(eq + 1));
                }
            }
            StringBuilder group = new StringBuilder(words[0]);
            PARAMS.stream().filter(f::containsKey).forEach(p -> group.append(' ').append(p).append('=').append(f.get(p)));
            lines.add(new Line(group.toString(), f.get("target"), f));
        }
        return lines;
    }

    private final List<Line> lines;
    private final List<String> targets = new ArrayList<>();
    private final List<String> ratios = new ArrayList<>();
    /** Row name to the figure's direction; rows in the order the run made them. */
    private final Map<String, Boolean> rows = new LinkedHashMap<>();

    Report(List<Line> lines) {
        this.lines = lines;
        Set<String> seen = new LinkedHashSet<>();
        lines.forEach(l -> seen.add(l.target()));
        TARGETS.stream().filter(seen::contains).forEach(targets::add);
        seen.stream().filter(t -> !TARGETS.contains(t)).forEach(targets::add);
        RATIOS.stream().filter(r -> seen.contains(r.split("/")[0]) && seen.contains(r.split("/")[1])).forEach(ratios::add);
        for (Line l : lines) {
            METRICS.forEach((m, higher) -> {
                if (l.fields().containsKey(m)) {
                    rows.put(l.group() + " " + m, higher);
                }
            });
        }
    }

    String table() {
        List<List<String>> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("measure"));
        header.addAll(targets);
        header.addAll(ratios);
        header.add("client_cpu_s");
        header.add("client_cpu%");
        cells.add(header);
        for (String row : rows.keySet()) {
            List<String> r = new ArrayList<>(List.of(row));
            targets.forEach(t -> r.add(format(median(row, t)) + mark(row, t)));
            ratios.forEach(q -> r.add(format(ratio(row, q))));
            r.add(format(maxOf(row, "client_cpu_s")));
            r.add(format(maxOf(row, "client_cpu_pct")));
            cells.add(r);
        }
        int[] width = new int[header.size()];
        cells.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        out.append("# medians of the rounds; ratios are the first target's figure over the second's (for _us, _ms, _kib, _mib: lower is")
                .append(" better); ! = a run had errors, ~ = cut by the time limit; client_cpu_s and client_cpu% = the")
                .append(" load client's CPU time in one run and its share of all cores, highest of the row's runs\n");
        for (List<String> r : cells) {
            for (int i = 0; i < r.size(); i++) {
                out.append(i == 0 ? String.format("%-" + width[0] + "s", r.get(0)) : String.format("  %" + width[i] + "s", r.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private List<Line> of(String row, String target) {
        return lines.stream().filter(l -> l.target().equals(target) && row.startsWith(l.group() + " ")
                && l.fields().containsKey(metric(row)) && row.equals(l.group() + " " + metric(row))).toList();
    }

    private static String metric(String row) {
        return row.substring(row.lastIndexOf(' ') + 1);
    }

    double median(String row, String target) {
        double[] v = of(row, target).stream().mapToDouble(l -> number(l.fields().get(metric(row)))).filter(d -> !Double.isNaN(d))
                .sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    double ratio(String row, String ratio) {
        String[] ab = ratio.split("/");
        return median(row, ab[0]) / median(row, ab[1]);
    }

    /** The highest value of {@code key} among the row's runs. */
    private double maxOf(String row, String key) {
        return targets.stream().flatMap(t -> of(row, t).stream())
                .mapToDouble(l -> number(l.fields().getOrDefault(key, "-"))).filter(d -> !Double.isNaN(d))
                .max().orElse(Double.NaN);
    }

    private String mark(String row, String target) {
        List<Line> ls = of(row, target);
        if (ls.stream().anyMatch(l -> !"0".equals(l.fields().getOrDefault("errors", "0")))) {
            return "!";
        }
        return ls.stream().anyMatch(l -> "time-limit".equals(l.fields().get("status"))) ? "~" : "";
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException | NullPointerException e) {
            return Double.NaN;
        }
    }

    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    /**
     * Horizontal bars, one per ratio and row, on a log scale centred on 1 (as fast as the other).
     * Bars show the first target's advantage: the ratio where higher is better, its inverse where
     * lower is, so that right of the middle line always means the first does better.
     */
    String svg() {
        int labelWidth = 330;
        int plot = 560;
        int bar = 9;
        List<String> shown = rows.keySet().stream().filter(r -> ratios.stream().anyMatch(q -> !Double.isNaN(ratio(r, q))
                && ratio(r, q) > 0 && !Double.isInfinite(ratio(r, q)))).toList();
        int rowHeight = bar * ratios.size() + 8;
        int height = 70 + rowHeight * shown.size();
        String[] colors = {"#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e"};
        double lo = Math.log(1 / 16.0);
        double hi = Math.log(16);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' font-size='11'>%n",
                labelWidth + plot + 60, height));
        s.append("<rect width='100%' height='100%' fill='white'/>\n");
        s.append("<text x='10' y='18' font-size='14'>A/B: right of 1 = A better (rates: ratio; times and memory: inverse)</text>\n");
        for (int i = 0; i < ratios.size(); i++) {
            s.append(String.format("<rect x='%d' y='28' width='10' height='10' fill='%s'/><text x='%d' y='37'>%s</text>%n",
                    10 + i * 160, colors[i], 24 + i * 160, ratios.get(i)));
        }
        for (double tick : new double[] {1 / 16.0, 1 / 4.0, 1 / 2.0, 1, 2, 4, 16}) {
            double x = labelWidth + plot * (Math.log(tick) - lo) / (hi - lo);
            s.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='50' x2='%.1f' y2='%d' stroke='%s'/>"
                    + "<text x='%.1f' y='%d' text-anchor='middle'>%s</text>%n", x, x, height - 15,
                    tick == 1 ? "black" : "#ddd", x, height - 3, tick < 1 ? "1/" + (int) (1 / tick) : format(tick)));
        }
        double one = labelWidth + plot * -lo / (hi - lo);
        for (int r = 0; r < shown.size(); r++) {
            String row = shown.get(r);
            int y = 55 + r * rowHeight;
            s.append(String.format("<text x='%d' y='%d' text-anchor='end'>%s</text>%n", labelWidth - 6, y + rowHeight / 2 + 2,
                    row.replace("&", "&amp;").replace("<", "&lt;")));
            for (int i = 0; i < ratios.size(); i++) {
                double q = ratio(row, ratios.get(i));
                if (Double.isNaN(q) || q <= 0 || Double.isInfinite(q)) {
                    continue;
                }
                double adv = rows.get(row) ? q : 1 / q;
                double x = labelWidth + plot * (Math.max(lo, Math.min(hi, Math.log(adv))) - lo) / (hi - lo);
                s.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%d' width='%.1f' height='%d' fill='%s'/>"
                        + "<text x='%.1f' y='%d' font-size='9'>%s</text>%n", Math.min(one, x), y + i * bar,
                        Math.abs(x - one), bar - 1, colors[i], Math.max(one, x) + 3, y + i * bar + bar - 1, format(adv)));
            }
        }
        return s.append("</svg>\n").toString();
    }
}
