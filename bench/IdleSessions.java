import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;

/**
 * What idle sessions cost a SOCKS 5 proxy in memory. Opens many sessions through the proxy to a
 * loopback echo target, uses each a little (or, in the bulk variant, a lot), leaves them idle and
 * compares the resident memory of the proxy's process tree before and after. JDK 21+ classes
 * only; run with {@code java bench/IdleSessions.java --help}. See bench/README.md.
 */
public final class IdleSessions {

    static final int KIB = 1024;
    static final int MIB = 1 << 20;
    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int READ_TIMEOUT_MS = 30_000;

    static final String USAGE = """
            usage: java bench/IdleSessions.java [options] --pid PID NAME=HOST:PORT
              NAME=HOST:PORT      the SOCKS 5 proxy (loopback only), e.g. sockd=127.0.0.1:1080
              --pid PID           the proxy's process id; memory is summed over it and all its descendants
              --variants LIST     comma-separated, run in order on the same proxy (default idle,bulk):
                                    idle: --sessions sessions, one --small-bytes round trip each, then idle
                                    bulk: --bulk-sessions sessions, one --small-bytes round trip each, a reading,
                                          then --bulk-mib MiB echoed through each, then idle
              --sessions N        sessions of the idle variant (default 5000)
              --small-bytes N     bytes of the idle variant's round trip (default 1024)
              --bulk-sessions N   sessions of the bulk variant (default 200)
              --bulk-mib N        MiB echoed through each session of the bulk variant (default 1)
              --warmup N          sessions opened, used with --small-bytes and closed before the first
                                  reading (default 300, at most a quarter of the first variant's sessions)
              --warmup-bulk N     then warm-up sessions that carry --bulk-mib, so that one-time costs of the
                                  bulk path (JIT, buffer pools) fall before the readings (default 50,
                                  at most a quarter too)
              --parallel N        sessions being opened and used at once (default 16)
              --seconds N         time limit for opening and using one variant's sessions (default 120)
              --settle-seconds N  wait before each memory reading (default 5)
              --gc auto|off       auto: if the proxy tree holds a JVM, run 'jcmd PID GC.run' before each
                                  reading and report the heap used after it (default auto)
              --jcmd PATH         jcmd to use (default: next to the JVM's java binary, else jcmd on PATH)
            exit status: 0 if every session opened, stayed up and echoed correctly, 1 otherwise, 2 on bad usage""";

    public static void main(String[] args) throws Exception {
        Options o = Bench.optionsOrExit("IdleSessions", USAGE, args, Options::parse);
        boolean clean;
        try (Echo echo = new Echo()) {
            clean = new IdleSessions(o, echo).run();
        }
        System.exit(clean ? 0 : 1);
    }

    private final Options o;
    private final Echo echo;
    private final Memory memory;

    IdleSessions(Options o, Echo echo) {
        this.o = o;
        this.echo = echo;
        this.memory = new Memory(o.pid(), o.gc(), o.jcmd());
    }

    boolean run() throws Exception {
        if (!checkFileDescriptors()) {
            return false;
        }
        System.out.printf("# IdleSessions java=%s cpus=%d load=%s target=%s proxy=%s pid=%d %s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), loadAverage(), o.name(),
                format(o.proxy()), o.pid(), o.describe());
        System.out.println("# " + memory.describe());
        boolean clean = true;
        // Memory the warm-up leaves (pooled buffers, worker processes) counts as "before", so keep
        // it well below the sessions measured.
        String first = o.variants().get(0);
        int quarter = (first.equals("bulk") ? o.bulkSessions() : o.sessions()) / 4;
        int warmup = Math.min(o.warmup(), quarter);
        int warmupBulk = Math.min(o.warmupBulk(), quarter);
        if (warmup + warmupBulk > 0) {
            Batch warm = Batch.open(o, echo.address(), warmup, o.smallBytes(), deadline());
            int warmed = warm.sessions().size();
            warm.closeAll();
            Batch warmBulk = Batch.open(o, echo.address(), warmupBulk, (long) o.bulkMib() * MIB, deadline());
            warmBulk.closeAll();
            System.out.printf("# warmup sessions=%d then bulk_sessions=%d, closed, errors=%d%s%n", warmed,
                    warmupBulk - warmBulk.openErrors(), warm.errors() + warmBulk.errors(),
                    firstError(warm.firstError() != null ? warm.firstError() : warmBulk.firstError()));
        }
        for (String variant : o.variants()) {
            clean &= variant(variant);
        }
        System.out.printf("# finished load=%s%n", loadAverage());
        return clean;
    }

    private long deadline() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(o.seconds());
    }

    /**
     * One variant: reading, open the sessions with one small round trip each, (bulk only: reading,
     * then --bulk-mib through each session), leave them idle, reading, check that each still
     * echoes, close them.
     */
    private boolean variant(String variant) throws Exception {
        boolean bulk = variant.equals("bulk");
        int count = bulk ? o.bulkSessions() : o.sessions();
        Snapshot before = memory.read(o.settleSeconds());
        System.out.println("# before " + variant + ": " + before);
        long t0 = System.nanoTime();
        Batch batch = Batch.open(o, echo.address(), count, o.smallBytes(), deadline());
        int opened = batch.sessions().size();
        int open = opened;
        Snapshot idle = null;
        if (bulk) {
            idle = memory.read(o.settleSeconds());
            System.out.println("# " + open + " sessions open, idle, before the burst: " + idle);
            int failed = batch.each(o, (long) o.bulkMib() * MIB, deadline(), "bulk burst failed");
            open -= failed;
        }
        double useSeconds = (System.nanoTime() - t0) / 1e9;
        Snapshot after = memory.read(o.settleSeconds());
        System.out.println("# " + open + " sessions idle" + (bulk ? " after the burst: " : ": ") + after);
        int dropped = batch.each(o, 32, deadline(), "session dropped while idle");
        batch.closeAll();

        Map<String, String> f = new LinkedHashMap<>();
        f.put("target", o.name());
        f.put("sessions", Integer.toString(open));
        f.put("bytes_each", Long.toString(bulk ? (long) o.bulkMib() * MIB : o.smallBytes()));
        f.put("s", String.format(Locale.ROOT, "%.1f", useSeconds));
        f.put("procs", before.procs() + "->" + after.procs());
        f.put("threads", before.threads() + "->" + after.threads());
        f.put("rss_before_kib", Long.toString(before.rssKib()));
        f.put("rss_after_kib", Long.toString(after.rssKib()));
        f.put("rss_per_session", perSession(before.rssKib(), after.rssKib(), open));
        f.put("pss_per_session", perSession(before.pssKib(), after.pssKib(), open));
        f.put("anon_per_session", perSession(before.anonKib(), after.anonKib(), open));
        if (after.heapUsedKib() >= 0 && before.heapUsedKib() >= 0) {
            f.put("heap_before_kib", Long.toString(before.heapUsedKib()));
            f.put("heap_after_kib", Long.toString(after.heapUsedKib()));
            f.put("heap_per_session", perSession(before.heapUsedKib(), after.heapUsedKib(), open));
        }
        if (idle != null) {
            f.put("burst_rss_per_session", perSession(idle.rssKib(), after.rssKib(), open));
            f.put("burst_pss_per_session", perSession(idle.pssKib(), after.pssKib(), open));
            if (after.heapUsedKib() >= 0 && idle.heapUsedKib() >= 0) {
                f.put("burst_heap_per_session", perSession(idle.heapUsedKib(), after.heapUsedKib(), open));
            }
        }
        f.put("dropped", Integer.toString(dropped));
        f.put("errors", Long.toString(batch.errors()));
        boolean limited = opened + batch.openErrors() < count;
        boolean ok = batch.errors() == 0 && open == count;
        f.put("status", !ok && !limited ? "ERRORS" : limited ? "time-limit" : "ok");
        StringBuilder line = new StringBuilder(String.format("%-5s", variant));
        f.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        line.append(firstError(batch.firstError()));
        System.out.println(line);
        return ok;
    }

    /** Bytes per session, from two KiB figures. */
    private static String perSession(long beforeKib, long afterKib, int sessions) {
        if (sessions == 0 || beforeKib < 0 || afterKib < 0) {
            return "-";
        }
        return Long.toString(Math.round((afterKib - beforeKib) * 1024.0 / sessions));
    }

    private static String firstError(String e) {
        return e == null ? "" : " first_error=\"" + e.replace('"', '\'') + "\"";
    }

    /** Each session needs two descriptors here (client end and echo end) and two in the proxy. */
    private boolean checkFileDescriptors() {
        int most = Math.max(Math.max(o.sessions(), o.bulkSessions()), o.warmup() + o.warmupBulk());
        long need = 2L * most + 200;
        long mine = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u
                ? u.getMaxFileDescriptorCount() : Long.MAX_VALUE;
        if (mine < need) {
            System.err.printf("IdleSessions: %d sessions need about %d file descriptors here, the limit is %d:"
                    + " raise it (ulimit -n) or lower --sessions%n", most, need, mine);
            return false;
        }
        long proxy = Memory.openFilesLimit(o.pid());
        if (proxy >= 0 && proxy < need) {
            System.out.printf("# WARNING the proxy's open files limit is %d, %d sessions need about %d%n",
                    proxy, most, need);
        }
        return true;
    }

    static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static String format(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    // ---------------------------------------------------------------------------------------
    // Options

    record Options(String name, InetSocketAddress proxy, long pid, List<String> variants, int sessions,
                   int smallBytes, int bulkSessions, int bulkMib, int warmup, int warmupBulk, int parallel,
                   int seconds, int settleSeconds, boolean gc, String jcmd) {

        /** Returns null when help was asked for. */
        static Options parse(String[] args) {
            Map<String, Integer> ints = new LinkedHashMap<>();
            ints.put("--sessions", 5000);
            ints.put("--small-bytes", 1024);
            ints.put("--bulk-sessions", 200);
            ints.put("--bulk-mib", 1);
            ints.put("--warmup", 300);
            ints.put("--warmup-bulk", 50);
            ints.put("--parallel", 16);
            ints.put("--seconds", 120);
            ints.put("--settle-seconds", 5);
            String target = null;
            long pid = -1;
            List<String> variants = List.of("idle", "bulk");
            boolean gc = true;
            String jcmd = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    return null;
                } else if (!arg.startsWith("--")) {
                    if (target != null) {
                        throw new IllegalArgumentException("one proxy only, got " + target + " and " + arg);
                    }
                    target = arg;
                } else if (i + 1 == args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                } else if (arg.equals("--pid")) {
                    pid = Bench.parseCount(arg, args[++i]);
                } else if (arg.equals("--variants")) {
                    variants = List.of(args[++i].split(","));
                    for (String v : variants) {
                        if (!v.equals("idle") && !v.equals("bulk")) {
                            throw new IllegalArgumentException("unknown variant " + v + ", want idle or bulk");
                        }
                    }
                } else if (arg.equals("--gc")) {
                    String v = args[++i];
                    if (!v.equals("auto") && !v.equals("off")) {
                        throw new IllegalArgumentException("--gc wants auto or off, not " + v);
                    }
                    gc = v.equals("auto");
                } else if (arg.equals("--jcmd")) {
                    jcmd = args[++i];
                } else if (ints.containsKey(arg)) {
                    ints.put(arg, Bench.parseCount(arg, args[++i]));
                } else {
                    throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (target == null) {
                throw new IllegalArgumentException("no proxy given");
            }
            if (pid <= 0) {
                throw new IllegalArgumentException("--pid is required");
            }
            if (!Files.isDirectory(Path.of("/proc", Long.toString(pid)))) {
                throw new IllegalArgumentException("no process " + pid + " (this needs Linux /proc)");
            }
            int eq = target.indexOf('=');
            int colon = target.lastIndexOf(':');
            if (eq <= 0 || colon < eq) {
                throw new IllegalArgumentException("bad proxy '" + target + "', want NAME=HOST:PORT");
            }
            String host = target.substring(eq + 1, colon);
            InetSocketAddress proxy = new InetSocketAddress(host, Bench.parseCount("port", target.substring(colon + 1)));
            if (proxy.isUnresolved() || !proxy.getAddress().isLoopbackAddress()) {
                throw new IllegalArgumentException("proxy " + host + " is not a loopback address");
            }
            if (ints.get("--parallel") < 1 || ints.get("--seconds") < 1) {
                throw new IllegalArgumentException("--parallel and --seconds must be >= 1");
            }
            return new Options(target.substring(0, eq), proxy, pid, variants, ints.get("--sessions"),
                    ints.get("--small-bytes"), ints.get("--bulk-sessions"), ints.get("--bulk-mib"),
                    ints.get("--warmup"), ints.get("--warmup-bulk"), ints.get("--parallel"), ints.get("--seconds"),
                    ints.get("--settle-seconds"), gc, jcmd);
        }

        String describe() {
            return String.format("variants=%s sessions=%d small_bytes=%d bulk_sessions=%d bulk_mib=%d warmup=%d"
                            + " warmup_bulk=%d parallel=%d seconds=%d settle_seconds=%d", String.join(",", variants),
                    sessions, smallBytes, bulkSessions, bulkMib, warmup, warmupBulk, parallel, seconds, settleSeconds);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Sessions: SOCKS 5 CONNECT by hand, then an echoed, checked exchange

    /** Sessions opened together, the errors met while opening them. */
    static final class Batch {
        private final List<Socket> sessions = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong openErrors = new AtomicLong();
        private final AtomicReference<String> firstError = new AtomicReference<>();

        /** Opens up to {@code count} sessions, {@code parallel} at a time, each echoing {@code bytesEach}. */
        static Batch open(Options o, InetSocketAddress echo, int count, long bytesEach, long deadline) {
            Batch batch = new Batch();
            AtomicInteger next = new AtomicInteger();
            batch.parallel(o.parallel(), deadline, () -> {
                while (System.nanoTime() < deadline && next.getAndIncrement() < count) {
                    Socket s = new Socket();
                    try {
                        s.setTcpNoDelay(true);
                        s.setSoTimeout(READ_TIMEOUT_MS);
                        Bench.bindSource(s, o.proxy());
                        s.connect(o.proxy(), CONNECT_TIMEOUT_MS);
                        Bench.socks5Connect(s, echo);
                        exchange(s, bytesEach);
                        batch.sessions.add(s);
                    } catch (IOException | RuntimeException e) {
                        batch.openErrors.incrementAndGet();
                        batch.error(e);
                        Bench.quietClose(s);
                    }
                }
            });
            return batch;
        }

        /**
         * Echoes {@code bytes} through every open session, {@code parallel} at a time; returns how
         * many failed (they are counted as errors with {@code what}, and closed).
         */
        int each(Options o, long bytes, long deadline, String what) {
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            List<Socket> all = List.copyOf(sessions);
            parallel(o.parallel(), deadline, () -> {
                int i;
                while ((i = next.getAndIncrement()) < all.size()) {
                    if (System.nanoTime() > deadline) {
                        failed.incrementAndGet();
                        error(new IOException(what + ": time limit"));
                        continue;
                    }
                    try {
                        exchange(all.get(i), bytes);
                    } catch (IOException | RuntimeException e) {
                        failed.incrementAndGet();
                        error(new IOException(what + ": " + e.getMessage()));
                    }
                }
            });
            return failed.get();
        }

        void closeAll() {
            synchronized (sessions) {
                sessions.forEach(Bench::quietClose);
                sessions.clear();
            }
        }

        List<Socket> sessions() {
            return sessions;
        }

        long errors() {
            return errors.get();
        }

        long openErrors() {
            return openErrors.get();
        }

        String firstError() {
            return firstError.get();
        }

        private void error(Exception e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }

        /** Runs {@code n} copies of body; past the deadline plus a minute, closes every session to unblock them. */
        private void parallel(int n, long deadline, Runnable body) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                threads.add(Thread.ofPlatform().daemon().start(body));
            }
            long giveUp = deadline + TimeUnit.SECONDS.toNanos(60);
            for (Thread t : threads) {
                Bench.joinUntil(t, giveUp);
            }
            if (threads.stream().anyMatch(Thread::isAlive)) {
                error(new IOException("workers stuck past the time limit; sessions closed"));
                closeAll();
                threads.forEach(t -> Bench.joinUntil(t, System.nanoTime() + TimeUnit.SECONDS.toNanos(10)));
            }
        }
    }

    /** The bytes every exchange carries: a fixed pseudo-random block, repeated. */
    static final byte[] PATTERN = new byte[64 * KIB];

    static {
        new Random(42).nextBytes(PATTERN);
    }

    /**
     * Sends {@code bytes} pattern bytes through the session and checks that they all come back.
     * Up to one pattern block is written before reading; more is written by a second thread while
     * this one reads, so that the whole amount is in flight through the proxy at full speed.
     */
    static void exchange(Socket s, long bytes) throws IOException {
        OutputStream out = s.getOutputStream();
        AtomicReference<IOException> writeError = new AtomicReference<>();
        Thread writer = null;
        if (bytes <= PATTERN.length) {
            out.write(PATTERN, 0, (int) bytes);
        } else {
            writer = Thread.ofVirtual().start(() -> {
                try {
                    for (long sent = 0; sent < bytes; ) {
                        int n = (int) Math.min(PATTERN.length, bytes - sent);
                        out.write(PATTERN, 0, n);
                        sent += n;
                    }
                } catch (IOException e) {
                    writeError.set(e);
                }
            });
        }
        InputStream in = s.getInputStream();
        byte[] buf = new byte[(int) Math.min(PATTERN.length, bytes)];
        long received = 0;
        try {
            while (received < bytes) {
                int at = (int) (received % PATTERN.length);
                int n = in.read(buf, 0, (int) Math.min(PATTERN.length - at, Math.min(buf.length, bytes - received)));
                if (n < 0) {
                    throw new IOException("end of stream after " + received + " of " + bytes + " echoed bytes");
                }
                Bench.expect(Arrays.mismatch(buf, 0, n, PATTERN, at, at + n) < 0, "wrong echoed byte near offset %d", received);
                received += n;
            }
        } catch (IOException | RuntimeException e) {
            Bench.quietClose(s); // unblocks the writer
            throw e;
        } finally {
            if (writer != null) {
                try {
                    writer.join(READ_TIMEOUT_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (writeError.get() != null) {
            throw writeError.get();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Echo target: one virtual thread per connection, echoing until end of stream

    static final class Echo implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();

        Echo() throws IOException {
            Thread.ofPlatform().daemon().name("echo-accept").start(this::accept);
        }

        InetSocketAddress address() {
            return (InetSocketAddress) listener.getLocalSocketAddress();
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    open.add(s);
                    Thread.ofVirtual().start(() -> serve(s));
                } catch (IOException e) {
                    // closed, or a failed accept: the client sees it and counts an error
                }
            }
        }

        private void serve(Socket s) {
            try (s) {
                s.setTcpNoDelay(true);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                byte[] buf = new byte[8 * KIB];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                }
            } catch (IOException e) {
                // the client end reports failures
            } finally {
                open.remove(s);
            }
        }

        @Override
        public void close() {
            Bench.quietClose(listener);
            open.forEach(Bench::quietClose);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Memory of the proxy's process tree, from /proc, and of its JVM heap, from jcmd

    /**
     * Sums over the process tree. {@code pssKib} splits pages shared between processes (a forking
     * server's children share most of their memory), {@code anonKib} counts anonymous memory only
     * (heap, stacks, malloc; no mapped files). Heap figures are -1 when there is no JVM or no GC.
     */
    record Snapshot(int procs, int threads, long rssKib, long pssKib, long anonKib, long heapUsedKib,
                    long heapCommittedKib, String gcNote) {

        @Override
        public String toString() {
            String s = String.format("procs=%d threads=%d rss_kib=%d pss_kib=%d anon_kib=%d", procs, threads, rssKib,
                    pssKib, anonKib);
            if (heapUsedKib >= 0) {
                s += String.format(" heap_used_kib=%d heap_committed_kib=%d", heapUsedKib, heapCommittedKib);
            }
            return s + (gcNote.isEmpty() ? "" : " (" + gcNote + ")");
        }
    }

    static final class Memory {
        private static final java.util.regex.Pattern HEAP = java.util.regex.Pattern.compile(
                "total (?:reserved \\d+K, committed )?(\\d+)K, used (\\d+)K");

        private final long root;
        private final boolean gc;
        private final String jcmdOption;

        Memory(long root, boolean gc, String jcmd) {
            this.root = root;
            this.gc = gc;
            this.jcmdOption = jcmd;
        }

        String describe() {
            List<Long> tree = tree();
            Map<String, Integer> names = new LinkedHashMap<>();
            tree.forEach(p -> names.merge(status(p).getOrDefault("Name", "?"), 1, Integer::sum));
            StringBuilder sb = new StringBuilder("memory: process tree of pid " + root + ": " + tree.size()
                    + " process(es) " + names + ", VmRSS, Pss and RssAnon summed over the tree"
                    + " (processes appearing later are included)");
            long jvm = jvm(tree);
            if (jvm > 0) {
                sb.append("; JVM pid ").append(jvm).append(gc ? ": 'jcmd " + jvm + " GC.run' before each reading, "
                        + "heap used after it from GC.heap_info, with " + jcmd(jvm) : ": no GC (--gc off)");
            } else {
                sb.append("; no JVM in the tree, so no GC and no heap figures");
            }
            return sb.toString();
        }

        /** Waits {@code settleSeconds}, runs a GC if there is a JVM, then sums the tree's memory. */
        Snapshot read(int settleSeconds) throws InterruptedException {
            Thread.sleep(TimeUnit.SECONDS.toMillis(settleSeconds));
            List<Long> tree = tree();
            long jvm = jvm(tree);
            long heapUsed = -1;
            long heapCommitted = -1;
            String note = "";
            if (gc && jvm > 0) {
                try {
                    jcmd(jvm, "GC.run");
                    Thread.sleep(1000); // let freed memory be given back before reading RSS
                    Matcher m = HEAP.matcher(jcmd(jvm, "GC.heap_info"));
                    while (m.find()) {
                        heapCommitted = Math.max(0, heapCommitted) + Long.parseLong(m.group(1));
                        heapUsed = Math.max(0, heapUsed) + Long.parseLong(m.group(2));
                    }
                    note = "after GC.run";
                } catch (IOException e) {
                    note = "GC failed: " + e.getMessage();
                }
                tree = tree();
            }
            int threads = 0;
            long rss = 0;
            long pss = 0;
            long anon = 0;
            for (long p : tree) {
                Map<String, String> st = status(p);
                threads += (int) number(st.get("Threads"));
                rss += number(st.get("VmRSS"));
                anon += number(st.get("RssAnon"));
                pss += number(rollup(p).get("Pss"));
            }
            return new Snapshot(tree.size(), threads, rss, pss, anon, heapUsed, heapCommitted, note);
        }

        /** The root and all its descendants, from the parent ids in /proc/N/stat. */
        List<Long> tree() {
            Map<Long, List<Long>> children = new HashMap<>();
            try (var dirs = Files.list(Path.of("/proc"))) {
                dirs.map(d -> d.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                        .forEach(n -> {
                            long ppid = parentOf(n);
                            if (ppid > 0) {
                                children.computeIfAbsent(ppid, k -> new ArrayList<>()).add(Long.parseLong(n));
                            }
                        });
            } catch (IOException e) {
                throw new IllegalStateException("cannot list /proc", e);
            }
            List<Long> tree = new ArrayList<>();
            ArrayDeque<Long> todo = new ArrayDeque<>(List.of(root));
            while (!todo.isEmpty()) {
                long p = todo.poll();
                if (p == root && !Files.isDirectory(Path.of("/proc", Long.toString(root)))) {
                    throw new IllegalStateException("the proxy (pid " + root + ") has exited");
                }
                tree.add(p);
                todo.addAll(children.getOrDefault(p, List.of()));
            }
            return tree;
        }

        private static long parentOf(String pid) {
            try {
                String stat = Files.readString(Path.of("/proc", pid, "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[1]);
            } catch (IOException | RuntimeException e) {
                return -1; // gone meanwhile
            }
        }

        /** The first process of the tree whose executable is named java, or -1. */
        private static long jvm(List<Long> tree) {
            for (long p : tree) {
                Path exe = exe(p);
                if (exe != null && exe.getFileName().toString().equals("java")) {
                    return p;
                }
            }
            return -1;
        }

        private static Path exe(long pid) {
            try {
                return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe"));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private String jcmd(long jvm) {
            if (jcmdOption != null) {
                return jcmdOption;
            }
            Path exe = exe(jvm);
            if (exe != null && Files.isExecutable(exe.resolveSibling("jcmd"))) {
                return exe.resolveSibling("jcmd").toString();
            }
            return "jcmd";
        }

        /** Runs {@code jcmd JVM COMMAND}; returns its output, or throws with what went wrong. */
        private String jcmd(long jvm, String command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(jcmd(jvm), Long.toString(jvm), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("jcmd " + command + " timed out");
            }
            if (p.exitValue() != 0 || out.contains("Exception")) {
                throw new IOException("jcmd " + command + " exit status " + p.exitValue() + ": "
                        + out.strip().replace('\n', ' '));
            }
            return out;
        }

        private static Map<String, String> status(long pid) {
            return fields(Path.of("/proc", Long.toString(pid), "status"));
        }

        private static Map<String, String> rollup(long pid) {
            return fields(Path.of("/proc", Long.toString(pid), "smaps_rollup"));
        }

        /** "Key:   value" lines; empty when the process is gone. */
        private static Map<String, String> fields(Path file) {
            Map<String, String> map = new HashMap<>();
            try {
                for (String line : Files.readAllLines(file)) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        map.put(line.substring(0, colon), line.substring(colon + 1).strip());
                    }
                }
            } catch (IOException e) {
                // gone meanwhile: counts as nothing
            }
            return map;
        }

        /** The leading number of "1234 kB" (or "12"), 0 when missing. */
        private static long number(String value) {
            if (value == null) {
                return 0;
            }
            String digits = value.split(" ")[0];
            return digits.chars().allMatch(Character::isDigit) && !digits.isEmpty() ? Long.parseLong(digits) : 0;
        }

        /** The soft "Max open files" limit of a process, or -1. */
        static long openFilesLimit(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits"))) {
                    if (line.startsWith("Max open files")) {
                        String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
                        return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // unknown
            }
            return -1;
        }
    }
}
