import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loopback benchmark of SOCKS 5 proxies: bulk throughput and connection rate, through each
 * proxy given on the command line and with no proxy, in one run. JDK classes only; run with
 * {@code java bench/SocksBench.java --help}. See bench/README.md.
 */
public final class SocksBench {

    static final int MIB = 1 << 20;
    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final int READ_TIMEOUT_MS = 10_000;
    /** Extra time given to workers past a measurement's deadline before their sockets are closed. */
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(15);

    public static void main(String[] args) throws Exception {
        Options options = Bench.optionsOrExit("SocksBench", Options.USAGE, args, Options::parse);
        boolean clean;
        if (!options.targetsAt().isEmpty()) {
            Map<String, InetSocketAddress> at = options.targetsAt();
            clean = new SocksBench(options, new Ends(at.get("sink"), at.get("source"), at.get("echo"))).run();
        } else {
            try (Servers servers = Servers.start()) {
                clean = new SocksBench(options, servers.ends()).run();
            }
        }
        System.exit(clean ? 0 : 1);
    }

    private final Options options;
    private final Ends servers;
    private final List<Result> results = new ArrayList<>();

    SocksBench(Options options, Ends servers) {
        this.options = options;
        this.servers = servers;
    }

    /** Where the sink, the source and the echo target listen: started here, or given by --targets-at. */
    record Ends(InetSocketAddress sink, InetSocketAddress source, InetSocketAddress echo) {
    }

    /** Runs warm-up and every round; returns false if any measurement had errors. */
    boolean run() {
        System.out.printf("# SocksBench java=%s cpus=%d load=%s %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadAverage(), options.describe());
        warmUp();
        for (int round = 1; round <= options.rounds(); round++) {
            for (String test : options.tests()) {
                for (Target target : rotated(options.targets(), round - 1)) {
                    Result result = measure(test, target, options, round);
                    results.add(result);
                    System.out.println(result.line());
                }
            }
        }
        System.out.printf("# finished load=%s%n", loadAverage());
        new Summary(results, options).print(System.out);
        return results.stream().allMatch(r -> r.errors() == 0);
    }

    /** The one-minute load average: other work on the machine skews every figure. */
    private static String loadAverage() {
        return Summary.format(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The targets starting at index {@code by}, so that no target always runs first. */
    private static List<Target> rotated(List<Target> targets, int by) {
        List<Target> list = new ArrayList<>(targets);
        Collections.rotate(list, -by);
        return list;
    }

    private void warmUp() {
        if (options.warmupConns() == 0 && options.warmupMib() == 0) {
            return;
        }
        Options small = options.forWarmup();
        for (Target target : options.targets()) {
            long errors = 0;
            for (String test : options.tests()) {
                errors += measure(test, target, small, 0).errors();
            }
            System.out.printf("# warmup target=%s errors=%d%n", target.name(), errors);
        }
    }

    /** One measurement, with the CPU this client process used meanwhile (a share of all cores). */
    private Result measure(String test, Target target, Options o, int round) {
        long cpu = Bench.cpuNanos();
        long start = System.nanoTime();
        Result result = measureOnly(test, target, o, round);
        result.info().putAll(Bench.cpuFields(cpu, start));
        return result;
    }

    private Result measureOnly(String test, Target target, Options o, int round) {
        return switch (test) {
            case "bulk-up" -> Bulk.upload(target, servers.sink(), o, round);
            case "bulk-down" -> Bulk.download(target, servers.source(), o, round);
            case "conn-seq" -> ConnRate.run(test, target, servers.echo(), 1, o, round);
            case "conn-par" -> ConnRate.run(test, target, servers.echo(), o.workers(), o, round);
            default -> throw new IllegalArgumentException("unknown test " + test);
        };
    }

    // ---------------------------------------------------------------------------------------
    // Options

    record Target(String name, InetSocketAddress proxy) {

        static Target parse(String spec) {
            if (spec.equals("direct")) {
                return new Target("direct", null);
            }
            int eq = spec.indexOf('=');
            int colon = spec.lastIndexOf(':');
            if (eq <= 0 || colon < eq) {
                throw new IllegalArgumentException("bad target '" + spec + "', want direct or NAME=HOST:PORT");
            }
            String host = spec.substring(eq + 1, colon);
            int port = Integer.parseInt(spec.substring(colon + 1));
            InetSocketAddress proxy = new InetSocketAddress(host, port);
            if (proxy.isUnresolved() || !Bench.local(proxy.getAddress())) {
                throw new IllegalArgumentException("proxy " + host + " is neither loopback nor in 198.18.0.0/15");
            }
            return new Target(spec.substring(0, eq), proxy);
        }
    }

    record Options(List<Target> targets, List<String> tests, int bulkMib, int streams, int bulkSeconds,
                   int conns, int workers, int connSeconds, int warmupMib, int warmupConns, int rounds,
                   List<String> ratios, Map<String, InetSocketAddress> targetsAt) {

        static final List<String> ALL_TESTS = List.of("bulk-up", "bulk-down", "conn-seq", "conn-par");

        static final String USAGE = """
                usage: java bench/SocksBench.java [options] TARGET...
                  TARGET            'direct' (no proxy) or NAME=HOST:PORT of a SOCKS 5 proxy (loopback or 198.18.0.0/15)
                  --tests LIST      comma-separated subset of bulk-up,bulk-down,conn-seq,conn-par (default all)
                  --bulk-mib N      MiB per bulk measurement, split over the streams (default 512)
                  --streams N       parallel bulk streams (default 4)
                  --bulk-seconds N  time limit of one bulk measurement (default 30)
                  --conns N         connections per connection-rate measurement (default 5000)
                  --workers N       concurrent workers of conn-par (default 8)
                  --conn-seconds N  time limit of one connection-rate measurement (default 20)
                  --warmup-mib N    MiB per bulk warm-up, per target (default 32, 0 = none)
                  --warmup-conns N  connections per connection-rate warm-up, per target (default 200, 0 = none)
                  --rounds N        repeat every measurement N times; the summary shows medians (default 1)
                  --ratio A/B       add a summary column A/B for target names A and B (repeatable)
                  --targets-at LIST use the target servers bench/Targets.java runs (its line: sink=HOST:PORT,
                                    source=...,echo=...) instead of starting them here (bench/run --chain-link)
                exit status: 0 if no measurement had errors, 1 otherwise, 2 on bad usage""";

        /** Returns null when help was asked for. */
        static Options parse(String[] args) {
            List<Target> targets = new ArrayList<>();
            List<String> ratios = new ArrayList<>();
            Map<String, Integer> ints = new LinkedHashMap<>(Map.of(
                    "--bulk-mib", 512, "--streams", 4, "--bulk-seconds", 30, "--conns", 5000,
                    "--workers", 8, "--conn-seconds", 20, "--warmup-mib", 32, "--warmup-conns", 200,
                    "--rounds", 1));
            List<List<String>> tests = new ArrayList<>(List.of(ALL_TESTS));
            List<Map<String, InetSocketAddress>> at = new ArrayList<>(List.of(Map.of()));
            boolean go = Bench.walk(args, spec -> targets.add(Target.parse(spec)), (arg, value) -> {
                if (arg.equals("--tests")) {
                    tests.set(0, parseTests(value));
                } else if (arg.equals("--targets-at")) {
                    at.set(0, Bench.targetsAt(value, List.of("sink", "source", "echo")));
                } else if (arg.equals("--ratio")) {
                    ratios.add(value);
                } else if (ints.containsKey(arg)) {
                    ints.put(arg, Bench.parseCount(arg, value));
                } else {
                    throw new IllegalArgumentException("unknown option " + arg);
                }
            });
            if (!go) {
                return null;
            }
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("no target given");
            }
            Options o = new Options(List.copyOf(targets), tests.get(0), ints.get("--bulk-mib"), ints.get("--streams"),
                    ints.get("--bulk-seconds"), ints.get("--conns"), ints.get("--workers"),
                    ints.get("--conn-seconds"), ints.get("--warmup-mib"), ints.get("--warmup-conns"),
                    ints.get("--rounds"), List.copyOf(ratios), at.get(0));
            o.validate();
            return o;
        }

        private static List<String> parseTests(String list) {
            List<String> tests = List.of(list.split(","));
            for (String t : tests) {
                if (!ALL_TESTS.contains(t)) {
                    throw new IllegalArgumentException("unknown test " + t);
                }
            }
            return tests;
        }

        private void validate() {
            if (streams < 1 || workers < 1 || rounds < 1 || bulkSeconds < 1 || connSeconds < 1) {
                throw new IllegalArgumentException("--streams, --workers, --rounds and the time limits must be >= 1");
            }
            for (String ratio : ratios) {
                String[] ab = ratio.split("/");
                if (ab.length != 2 || !hasTarget(ab[0]) || !hasTarget(ab[1])) {
                    throw new IllegalArgumentException("--ratio " + ratio + " does not name two targets as A/B");
                }
            }
        }

        private boolean hasTarget(String name) {
            return targets.stream().anyMatch(t -> t.name().equals(name));
        }

        long bulkBytesPerStream() {
            return (long) bulkMib * MIB / streams;
        }

        Options forWarmup() {
            return new Options(targets, tests, warmupMib, streams, bulkSeconds, warmupConns, workers,
                    connSeconds, 0, 0, 1, ratios, targetsAt);
        }

        String describe() {
            return String.format("bulk_mib=%d streams=%d bulk_seconds=%d conns=%d workers=%d conn_seconds=%d rounds=%d",
                    bulkMib, streams, bulkSeconds, conns, workers, connSeconds, rounds);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Results

    /**
     * One measurement. {@code metrics} are the figures compared in the summary; {@code info} is
     * context printed on the line only. {@code limited} is true when the time limit cut it short.
     */
    record Result(String test, String target, int round, Map<String, Double> metrics, Map<String, String> info,
                  long errors, boolean limited, String firstError) {

        String status() {
            return errors > 0 ? "ERRORS" : limited ? "time-limit" : "ok";
        }

        String line() {
            StringBuilder sb = new StringBuilder(String.format("%-9s target=%s round=%d", test, target, round));
            info.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            metrics.forEach((k, v) -> sb.append(' ').append(k).append('=').append(Summary.format(v)));
            sb.append(" errors=").append(errors).append(" status=").append(status());
            if (firstError != null) {
                sb.append(" first_error=\"").append(firstError.replace('"', '\'')).append('"');
            }
            return sb.toString();
        }
    }

    /** Error counter that keeps the first message, for the result line. */
    static final class Errors {
        private final AtomicLong count = new AtomicLong();
        private final AtomicReference<String> first = new AtomicReference<>();

        void add(Exception e) {
            count.incrementAndGet();
            first.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }

        long count() {
            return count.get();
        }

        String first() {
            return first.get();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Client side: SOCKS 5 CONNECT written by hand

    /** Sockets opened by a measurement, so that a watchdog can close them if workers overrun. */
    static final class Tracker {
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();

        /** Connects to {@code dest}, through the target's proxy if it has one. */
        Socket connect(Target target, InetSocketAddress dest) throws IOException {
            Socket s = new Socket();
            open.add(s);
            try {
                s.setTcpNoDelay(true);
                s.setSoTimeout(READ_TIMEOUT_MS);
                Bench.bindSource(s, target.proxy() == null ? dest : target.proxy());
                s.connect(target.proxy() == null ? dest : target.proxy(), CONNECT_TIMEOUT_MS);
                if (target.proxy() != null) {
                    Bench.socks5Connect(s, dest);
                }
                return s;
            } catch (IOException | RuntimeException e) {
                close(s);
                throw e;
            }
        }

        void close(Socket s) {
            if (s != null) {
                open.remove(s);
                Bench.quietClose(s);
            }
        }

        void closeAll() {
            open.forEach(this::close);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Bulk throughput

    /** The byte stream every bulk transfer carries: a fixed pseudo-random block, repeated. */
    static final class Pattern {
        static final byte[] BLOCK = new byte[64 * 1024];

        static {
            new Random(42).nextBytes(BLOCK);
        }

        /** Writes pattern bytes until {@code total} are written or the deadline passes; returns the count. */
        static long write(OutputStream out, long total, long deadline) throws IOException {
            long sent = 0;
            while (sent < total && System.nanoTime() < deadline) {
                int n = (int) Math.min(BLOCK.length, total - sent);
                out.write(BLOCK, 0, n);
                sent += n;
            }
            return sent;
        }

        /** Checks that received bytes continue the pattern; remembers the offset of the first mismatch. */
        static final class Checker {
            long position;
            long firstMismatch = -1;

            void check(byte[] buf, int len) {
                int done = 0;
                while (done < len) {
                    int at = (int) (position % BLOCK.length);
                    int n = Math.min(len - done, BLOCK.length - at);
                    int m = Arrays.mismatch(buf, done, done + n, BLOCK, at, at + n);
                    if (m >= 0 && firstMismatch < 0) {
                        firstMismatch = position + m;
                    }
                    done += n;
                    position += n;
                }
            }

            /** Reads until end of stream, or until the deadline when one is given (0 = none). */
            void drain(InputStream in, long deadline) throws IOException {
                drain(in, deadline, Long.MAX_VALUE);
            }

            /** The same, stopping after {@code limit} bytes. */
            void drain(InputStream in, long deadline, long limit) throws IOException {
                byte[] buf = new byte[BLOCK.length];
                int n;
                while (position < limit && (deadline == 0 || System.nanoTime() < deadline)
                        && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - position))) >= 0) {
                    check(buf, n);
                }
            }
        }
    }

    static final class Bulk {

        /** What one stream moved; {@code cut} when the deadline stopped it early. */
        record Stream(long bytes, boolean cut) {
        }

        interface StreamBody {
            Stream run(Socket s, long bytes, long deadline) throws IOException;
        }

        static Result upload(Target target, InetSocketAddress sink, Options o, int round) {
            return measure("bulk-up", target, sink, o, round, Bulk::push);
        }

        static Result download(Target target, InetSocketAddress source, Options o, int round) {
            return measure("bulk-down", target, source, o, round, Bulk::pull);
        }

        /**
         * Client to target: announce the byte count, write the pattern, read back what the sink
         * counted and checked. Only a transfer cut by the deadline half-closes (the sink then stops
         * early), so that proxies without half-close (microsocks closes both ways) are measured too.
         */
        private static Stream push(Socket s, long bytes, long deadline) throws IOException {
            new DataOutputStream(s.getOutputStream()).writeLong(bytes);
            long sent = Pattern.write(s.getOutputStream(), bytes, deadline);
            if (sent < bytes) {
                s.shutdownOutput();
            }
            DataInputStream in = new DataInputStream(s.getInputStream());
            long received = in.readLong();
            long mismatch = in.readLong();
            Bench.expect(received == sent, "sink received %d bytes, %d sent", received, sent);
            Bench.expect(mismatch < 0, "sink saw a wrong byte at offset %d", mismatch);
            return new Stream(sent, sent < bytes);
        }

        /** Target to client: ask the source for the bytes and check them as they arrive. */
        private static Stream pull(Socket s, long bytes, long deadline) throws IOException {
            new DataOutputStream(s.getOutputStream()).writeLong(bytes);
            Pattern.Checker checker = new Pattern.Checker();
            checker.drain(s.getInputStream(), deadline);
            boolean cut = checker.position < bytes && System.nanoTime() >= deadline;
            Bench.expect(cut || checker.position == bytes, "received %d bytes, %d requested", checker.position, bytes);
            Bench.expect(checker.firstMismatch < 0, "wrong byte at offset %d", checker.firstMismatch);
            return new Stream(checker.position, cut);
        }

        private static Result measure(String test, Target target, InetSocketAddress dest, Options o, int round,
                                      StreamBody body) {
            Tracker tracker = new Tracker();
            Errors errors = new Errors();
            AtomicLong bytes = new AtomicLong();
            AtomicInteger cut = new AtomicInteger();
            long perStream = o.bulkBytesPerStream();
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(o.bulkSeconds());
            Workers.run(o.streams(), deadline, tracker, () -> {
                Socket s = null;
                try {
                    s = tracker.connect(target, dest);
                    Stream stream = body.run(s, perStream, deadline);
                    bytes.addAndGet(stream.bytes());
                    cut.addAndGet(stream.cut() ? 1 : 0);
                } catch (IOException | RuntimeException e) {
                    errors.add(e);
                } finally {
                    tracker.close(s);
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, String> info = new LinkedHashMap<>();
            info.put("streams", Integer.toString(o.streams()));
            info.put("MiB", Summary.format(bytes.get() / (double) MIB));
            info.put("s", String.format(Locale.ROOT, "%.3f", seconds));
            Map<String, Double> metrics = Map.of("MiB/s", bytes.get() / (double) MIB / seconds);
            return new Result(test, target.name(), round, metrics, info, errors.count(), cut.get() > 0,
                    errors.first());
        }
    }

    // ---------------------------------------------------------------------------------------
    // Connection rate

    static final class ConnRate {
        static final int PAYLOAD = 32;

        static Result run(String test, Target target, InetSocketAddress echo, int workers, Options o, int round) {
            Tracker tracker = new Tracker();
            Errors errors = new Errors();
            long[] latencies = new long[o.conns()];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger ok = new AtomicInteger();
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(o.connSeconds());
            Workers.run(workers, deadline, tracker, () -> {
                int i;
                while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < latencies.length) {
                    try {
                        long nanos = once(tracker, target, echo);
                        latencies[ok.getAndIncrement()] = nanos;
                    } catch (IOException | RuntimeException e) {
                        errors.add(e);
                    }
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            int attempts = Math.min(next.get(), latencies.length);
            return result(test, target, round, workers, attempts, Arrays.copyOf(latencies, ok.get()), seconds,
                    errors, attempts < latencies.length);
        }

        /** One CONNECT, one echoed payload, end of stream from the target, close; returns nanoseconds. */
        private static long once(Tracker tracker, Target target, InetSocketAddress echo) throws IOException {
            byte[] payload = new byte[PAYLOAD];
            ThreadLocalRandom.current().nextBytes(payload);
            byte[] back = new byte[PAYLOAD];
            long t0 = System.nanoTime();
            Socket s = tracker.connect(target, echo);
            try {
                s.getOutputStream().write(payload);
                DataInputStream in = new DataInputStream(s.getInputStream());
                in.readFully(back);
                Bench.expect(Arrays.equals(payload, back), "echoed bytes differ");
                Bench.expect(in.read() < 0, "data after the echo, want end of stream");
            } finally {
                tracker.close(s);
            }
            return System.nanoTime() - t0;
        }

        private static Result result(String test, Target target, int round, int workers, int attempts,
                                     long[] latencies, double seconds, Errors errors, boolean limited) {
            Arrays.sort(latencies);
            Map<String, String> info = new LinkedHashMap<>();
            info.put("workers", Integer.toString(workers));
            info.put("conns", Integer.toString(attempts));
            info.put("s", String.format(Locale.ROOT, "%.3f", seconds));
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("conn/s", latencies.length / seconds);
            metrics.put("p50_ms", percentile(latencies, 50) / 1e6);
            metrics.put("p99_ms", percentile(latencies, 99) / 1e6);
            return new Result(test, target.name(), round, metrics, info, errors.count(), limited, errors.first());
        }

        private static double percentile(long[] sorted, int p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, rank)];
        }
    }

    // ---------------------------------------------------------------------------------------
    // Worker threads with a watchdog

    static final class Workers {

        /** Runs {@code n} copies of {@code body}; past deadline + grace, closes their sockets and gives up. */
        static void run(int n, long deadline, Tracker tracker, Runnable body) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                threads.add(Thread.ofPlatform().daemon().start(body));
            }
            long giveUp = deadline + GRACE_NANOS;
            for (Thread t : threads) {
                Bench.joinUntil(t, giveUp);
            }
            if (threads.stream().anyMatch(Thread::isAlive)) {
                tracker.closeAll();
                threads.forEach(t -> Bench.joinUntil(t, System.nanoTime() + TimeUnit.SECONDS.toNanos(5)));
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Loopback target servers

    /** Sink (count and check, then report), source (send what is asked) and echo-then-close. */
    record Servers(Server sinks, Server sources, Server echoes) implements AutoCloseable {

        static Servers start() throws IOException {
            return new Servers(new Server(Servers::sink), new Server(Servers::source), new Server(Servers::echo));
        }

        Ends ends() {
            return new Ends(sink(), source(), echo());
        }

        /** Reads the announced count of bytes (or to end of stream), then writes the count and the first wrong offset (-1 if none). */
        private static void sink(Socket s) throws IOException {
            DataInputStream in = new DataInputStream(s.getInputStream());
            Pattern.Checker checker = new Pattern.Checker();
            checker.drain(in, 0, in.readLong());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeLong(checker.position);
            out.writeLong(checker.firstMismatch);
        }

        /** Reads a byte count, writes that many pattern bytes, closes. */
        private static void source(Socket s) throws IOException {
            long bytes = new DataInputStream(s.getInputStream()).readLong();
            Pattern.write(s.getOutputStream(), bytes, Long.MAX_VALUE);
        }

        /** Echoes one payload, then closes. */
        private static void echo(Socket s) throws IOException {
            byte[] payload = new byte[ConnRate.PAYLOAD];
            new DataInputStream(s.getInputStream()).readFully(payload);
            s.getOutputStream().write(payload);
        }

        @Override
        public void close() {
            Bench.quietClose(sinks);
            Bench.quietClose(sources);
            Bench.quietClose(echoes);
        }

        InetSocketAddress sink() {
            return sinks.address();
        }

        InetSocketAddress source() {
            return sources.address();
        }

        InetSocketAddress echo() {
            return echoes.address();
        }
    }

    interface Handler {
        void handle(Socket s) throws IOException;
    }

    /** A listener at {@link Bench#TARGET_HOST} serving each connection on a pooled thread; connection errors are dropped. */
    static final class Server implements Closeable {
        private final ServerSocket listener;
        private final ExecutorService pool = Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().unstarted(r));

        Server(Handler handler) throws IOException {
            listener = new ServerSocket(0, 1024, Bench.TARGET_HOST);
            Thread.ofPlatform().daemon().start(() -> accept(handler));
        }

        InetSocketAddress address() {
            return (InetSocketAddress) listener.getLocalSocketAddress();
        }

        private void accept(Handler handler) {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    pool.execute(() -> serve(s, handler));
                } catch (IOException e) {
                    // closed, or a failed accept: the client sees it and counts an error
                }
            }
        }

        private static void serve(Socket s, Handler handler) {
            try (s) {
                s.setTcpNoDelay(true);
                s.setSoTimeout(READ_TIMEOUT_MS * 3);
                handler.handle(s);
            } catch (IOException e) {
                // the client end reports failures; a cut-short transfer lands here by design
            }
        }

        @Override
        public void close() {
            Bench.quietClose(listener);
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Summary table

    static final class Summary {
        private final List<Result> results;
        private final Options options;

        Summary(List<Result> results, Options options) {
            this.results = results;
            this.options = options;
        }

        static String format(double v) {
            if (Double.isNaN(v)) {
                return "-";
            }
            return String.format(Locale.ROOT, v >= 100 ? "%.1f" : v >= 1 ? "%.2f" : "%.3f", v);
        }

        void print(java.io.PrintStream out) {
            List<String> header = new ArrayList<>(List.of("test", "metric"));
            options.targets().forEach(t -> header.add(t.name()));
            header.addAll(options.ratios());
            out.println("# summary" + (options.rounds() > 1 ? " (median of " + options.rounds() + " rounds)" : "")
                    + "; '!' marks figures from runs with errors, '~' runs cut by the time limit");
            out.println(row(header));
            for (String test : options.tests()) {
                for (String metric : metricsOf(test)) {
                    out.println(row(cells(test, metric)));
                }
            }
        }

        private List<String> metricsOf(String test) {
            return results.stream().filter(r -> r.test().equals(test)).findFirst()
                    .map(r -> List.copyOf(r.metrics().keySet())).orElse(List.of());
        }

        private List<String> cells(String test, String metric) {
            List<String> cells = new ArrayList<>(List.of(test, metric));
            for (Target t : options.targets()) {
                cells.add(format(median(test, t.name(), metric)) + mark(test, t.name()));
            }
            for (String ratio : options.ratios()) {
                String[] ab = ratio.split("/");
                cells.add(format(median(test, ab[0], metric) / median(test, ab[1], metric)));
            }
            return cells;
        }

        private List<Result> of(String test, String target) {
            return results.stream().filter(r -> r.test().equals(test) && r.target().equals(target)).toList();
        }

        private double median(String test, String target, String metric) {
            double[] v = of(test, target).stream().mapToDouble(r -> r.metrics().get(metric)).sorted().toArray();
            if (v.length == 0) {
                return Double.NaN;
            }
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        private String mark(String test, String target) {
            List<Result> rs = of(test, target);
            return rs.stream().anyMatch(r -> r.errors() > 0) ? "!" : rs.stream().anyMatch(Result::limited) ? "~" : "";
        }

        private static String row(List<String> cells) {
            StringBuilder sb = new StringBuilder(String.format("%-10s %-7s", cells.get(0), cells.get(1)));
            cells.subList(2, cells.size()).forEach(c -> sb.append(String.format(" %12s", c)));
            return sb.toString();
        }
    }
}
