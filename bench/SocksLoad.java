import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What users of a SOCKS 5 proxy feel, on loopback: the rate of whole short connections (TCP
 * connect, greeting, optional RFC 1929 login, CONNECT, 32-byte echo, close) at several
 * concurrencies, the handshake time inside them, and the round trip of 64 bytes in one open
 * tunnel. The connections are driven by a non-blocking client, one selector thread per core, so
 * that 128 concurrent connections do not need 128 threads; every line reports the CPU this
 * process used. JDK classes only; {@code java bench/SocksLoad.java --help}. See bench/README.md.
 */
public final class SocksLoad {

    static final int PAYLOAD = 32;
    static final int RTT_BYTES = 64;

    static final String USAGE = """
            usage: java bench/SocksLoad.java [options] TARGET...
              TARGET             'direct', NAME=HOST:PORT or NAME=USER:PASSWORD@HOST:PORT (loopback or 198.18.0.0/15)
              --concurrency LIST connections open at once, comma-separated (default 1,16,128)
              --conns N          connections per measurement (default 10000)
              --trips N          64-byte round trips per tunnel measurement (default 10000, 0 = no tunnel test)
              --seconds N        time limit of one measurement (default 10)
              --warmup N         connections and round trips per target before measuring (default 1000)
              --rounds N         repeat everything N times, the targets' order rotating (default 1)
              --threads N        selector threads (default: the number of cores)
              --prefix P         prefix of the test names, e.g. auth- (default none)
              --timeout N        seconds one connection may take before it counts as an error (default 10)
              --targets-at LIST  use the echo servers bench/Targets.java runs (its line: once=HOST:PORT,
                                 stream=HOST:PORT) instead of starting them here (bench/run --chain-link)
            exit status: 0 if no measurement had errors, 1 otherwise, 2 on bad usage""";

    record Target(String name, InetSocketAddress proxy, String user, String password) {

        static Target parse(String spec) {
            if (spec.equals("direct")) {
                return new Target("direct", null, null, null);
            }
            int eq = spec.indexOf('=');
            int at = spec.lastIndexOf('@');
            int colon = spec.lastIndexOf(':');
            if (eq <= 0 || colon < Math.max(eq, at)) {
                throw new IllegalArgumentException("bad target '" + spec + "'");
            }
            String user = null;
            String password = null;
            if (at > 0) {
                String login = spec.substring(eq + 1, at);
                int sep = login.indexOf(':');
                Bench.expect(sep > 0, "bad login in '%s', want USER:PASSWORD@", spec);
                user = login.substring(0, sep);
                password = login.substring(sep + 1);
            }
            InetSocketAddress proxy = new InetSocketAddress(spec.substring(Math.max(eq, at) + 1, colon),
                    Integer.parseInt(spec.substring(colon + 1)));
            if (proxy.isUnresolved() || !Bench.local(proxy.getAddress())) {
                throw new IllegalArgumentException("proxy " + proxy + " is neither loopback nor in 198.18.0.0/15");
            }
            return new Target(spec.substring(0, eq), proxy, user, password);
        }
    }

    record Options(List<Target> targets, List<Integer> concurrency, int conns, int trips, int seconds, int warmup,
                   int rounds, int threads, String prefix, int timeout, Map<String, InetSocketAddress> targetsAt) {

        /** How long one connection may take before it counts as an error. */
        long timeoutNanos() {
            return TimeUnit.SECONDS.toNanos(timeout);
        }

        static Options parse(String[] args) {
            List<Target> targets = new ArrayList<>();
            int[] n = {10_000, 10_000, 10, 1000, 1, Runtime.getRuntime().availableProcessors(), 10};
            List<String> names = List.of("--conns", "--trips", "--seconds", "--warmup", "--rounds", "--threads",
                    "--timeout");
            List<List<Integer>> concurrency = new ArrayList<>(List.of(List.of(1, 16, 128)));
            String[] prefix = {""};
            List<Map<String, InetSocketAddress>> at = new ArrayList<>(List.of(Map.of()));
            boolean go = Bench.walk(args, spec -> targets.add(Target.parse(spec)), (arg, value) -> {
                if (arg.equals("--targets-at")) {
                    at.set(0, Bench.targetsAt(value, List.of("once", "stream")));
                } else if (arg.equals("--concurrency")) {
                    concurrency.set(0, Arrays.stream(value.split(",")).map(c -> Bench.parseCount(arg, c)).toList());
                } else if (arg.equals("--prefix")) {
                    prefix[0] = value;
                } else if (names.contains(arg)) {
                    n[names.indexOf(arg)] = Bench.parseCount(arg, value);
                } else {
                    throw new IllegalArgumentException("unknown option " + arg);
                }
            });
            if (!go) {
                return null;
            }
            if (targets.isEmpty() || concurrency.get(0).contains(0) || n[2] < 1 || n[4] < 1 || n[5] < 1 || n[6] < 1) {
                throw new IllegalArgumentException("no target, or a concurrency, --seconds, --rounds, --threads or --timeout of 0");
            }
            return new Options(List.copyOf(targets), concurrency.get(0), n[0], n[1], n[2], n[3], n[4], n[5], prefix[0], n[6], at.get(0));
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Bench.optionsOrExit("SocksLoad", USAGE, args, Options::parse);
        boolean clean = true;
        // started here unless --targets-at names them (closing a null resource is skipped)
        boolean remote = !o.targetsAt().isEmpty();
        try (Bench.Echo onceServer = remote ? null : new Bench.Echo(PAYLOAD);
                Bench.Echo streamServer = remote ? null : new Bench.Echo(0)) {
            InetSocketAddress once = remote ? o.targetsAt().get("once") : onceServer.address();
            InetSocketAddress echo = remote ? o.targetsAt().get("stream") : streamServer.address();
            System.out.printf("# SocksLoad java=%s cpus=%d threads=%d conns=%d trips=%d seconds=%d rounds=%d%n",
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), o.threads(), o.conns(), o.trips(),
                    o.seconds(), o.rounds());
            for (Target t : o.targets()) {
                Measure warm = Rate.run(t, once, 16, o.warmup(), o, 0);
                RoundTrip.run(t, echo, Math.min(o.warmup(), o.trips()), o, 0);
                System.out.printf("# warmup target=%s errors=%d%n", t.name(), warm.errors());
            }
            for (int round = 1; round <= o.rounds(); round++) {
                List<Target> order = new ArrayList<>(o.targets());
                Collections.rotate(order, 1 - round);
                for (int c : o.concurrency()) {
                    for (Target t : order) {
                        clean &= Rate.run(t, once, c, o.conns(), o, round).print(o.prefix());
                    }
                }
                for (Target t : o.trips() > 0 ? order : List.<Target>of()) {
                    clean &= RoundTrip.run(t, echo, o.trips(), o, round).print(o.prefix());
                }
            }
        }
        System.exit(clean ? 0 : 1);
    }

    /** One measurement's figures, printed as one {@code key=value} line (two for the handshake at concurrency 1). */
    record Measure(String test, Target target, int round, String params, long[] latencies, long[] handshakes,
                   long errors, String firstError, double seconds, boolean limited, Map<String, String> cpu) {

        /** Prints the line(s); returns false if there were errors. */
        boolean print(String prefix) {
            String status = errors > 0 ? "ERRORS" : limited ? "time-limit" : "ok";
            StringBuilder usage = new StringBuilder();
            cpu.forEach((k, v) -> usage.append(' ').append(k).append('=').append(v));
            String tail = String.format(Locale.ROOT, "%s errors=%d status=%s%s", usage, errors, status,
                    firstError == null ? "" : " first_error=\"" + firstError.replace('"', '\'') + "\"");
            String head = String.format(Locale.ROOT, "target=%s round=%d %s n=%d s=%.3f", target.name(), round, params,
                    latencies.length, seconds);
            String rate = test.equals("conn") ? String.format(Locale.ROOT, " conn/s=%.1f", latencies.length / seconds) : "";
            System.out.println(prefix + test + " " + head + rate + percentiles(latencies) + tail);
            if (handshakes != null) {
                System.out.println(prefix + "handshake " + head + percentiles(handshakes) + tail);
            }
            return errors == 0;
        }

        private static String percentiles(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, " p50_us=%.1f p99_us=%.1f", at(sorted, 50) / 1e3, at(sorted, 99) / 1e3);
        }

        private static double at(long[] sorted, int p) {
            return sorted.length == 0 ? Double.NaN : sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }
    }

    /** Round trips of 64 bytes, one after the other, in one open tunnel to an echo server. */
    static final class RoundTrip {
        static Measure run(Target t, InetSocketAddress echo, int trips, Options o, int round) {
            long cpu = Bench.cpuNanos();
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(o.seconds());
            long[] nanos = new long[trips];
            int done = 0;
            String error = null;
            try (Socket s = new Socket()) {
                s.setTcpNoDelay(true);
                s.setSoTimeout((int) TimeUnit.NANOSECONDS.toMillis(o.timeoutNanos()));
                Bench.bindSource(s, t.proxy() == null ? echo : t.proxy());
                s.connect(t.proxy() == null ? echo : t.proxy(), 10_000);
                if (t.proxy() != null) {
                    Bench.socks5Connect(s, echo, t.user(), t.password());
                }
                byte[] out = new byte[RTT_BYTES];
                byte[] in = new byte[RTT_BYTES];
                DataInputStream din = new DataInputStream(s.getInputStream());
                for (; done < trips && System.nanoTime() < deadline; done++) {
                    ThreadLocalRandom.current().nextBytes(out);
                    long t0 = System.nanoTime();
                    s.getOutputStream().write(out);
                    din.readFully(in);
                    nanos[done] = System.nanoTime() - t0;
                    Bench.expect(Arrays.equals(out, in), "the echo differs");
                }
            } catch (IOException | RuntimeException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            return new Measure("rtt", t, round, "bytes=" + RTT_BYTES, Arrays.copyOf(nanos, done), null,
                    error == null ? 0 : 1, error, (System.nanoTime() - start) / 1e9, done < trips,
                    Bench.cpuFields(cpu, start));
        }
    }

    /** Connection rate: {@code concurrency} connections at a time over the selector threads. */
    static final class Rate {
        static Measure run(Target t, InetSocketAddress dest, int concurrency, int total, Options o, int round)
                throws InterruptedException {
            long cpu = Bench.cpuNanos();
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(o.seconds());
            AtomicInteger tickets = new AtomicInteger(total);
            int threads = Math.min(o.threads(), concurrency);
            List<Loop> loops = new ArrayList<>();
            List<Thread> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int slots = concurrency / threads + (i < concurrency % threads ? 1 : 0);
                Loop loop = new Loop(t, dest, slots, tickets, deadline, o.timeoutNanos());
                loops.add(loop);
                running.add(Thread.ofPlatform().daemon().start(loop));
            }
            for (Thread th : running) {
                th.join(TimeUnit.NANOSECONDS.toMillis(deadline - start + 2 * o.timeoutNanos()));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] lat = loops.stream().flatMapToLong(l -> Arrays.stream(l.latencies, 0, l.done)).toArray();
            long[] hs = loops.stream().flatMapToLong(l -> Arrays.stream(l.handshakes, 0, l.done)).toArray();
            long errors = loops.stream().mapToLong(l -> l.errors).sum();
            String first = loops.stream().map(l -> l.firstError).filter(e -> e != null).findFirst().orElse(null);
            return new Measure("conn", t, round, "concurrency=" + concurrency, lat, concurrency == 1 ? hs : null,
                    errors, first, seconds, lat.length + errors < total, Bench.cpuFields(cpu, start));
        }
    }

    /** One selector thread driving {@code slots} connections, each starting the next when it ends. */
    static final class Loop implements Runnable {
        private final Target target;
        private final InetSocketAddress dest;
        private final int slots;
        private final AtomicInteger tickets;
        private final long deadline;
        private final long timeout;
        private final List<Conn> open = new ArrayList<>();
        final long[] latencies;
        final long[] handshakes;
        int done;
        long errors;
        String firstError;

        Loop(Target target, InetSocketAddress dest, int slots, AtomicInteger tickets, long deadline, long timeout) {
            this.timeout = timeout;
            this.target = target;
            this.dest = dest;
            this.slots = slots;
            this.tickets = tickets;
            this.deadline = deadline;
            this.latencies = new long[Math.max(0, tickets.get())];
            this.handshakes = new long[latencies.length];
        }

        @Override
        public void run() {
            try (Selector selector = Selector.open()) {
                for (int i = 0; i < slots; i++) {
                    next(selector);
                }
                while (!open.isEmpty()) {
                    selector.select(50);
                    for (SelectionKey key : selector.selectedKeys()) {
                        step((Conn) key.attachment(), selector);
                    }
                    selector.selectedKeys().clear();
                    expire(selector);
                }
            } catch (IOException e) {
                fail(null, e, null);
            }
        }

        /** Starts a connection if tickets and time are left. */
        private void next(Selector selector) {
            if (System.nanoTime() >= deadline || tickets.getAndDecrement() <= 0) {
                return;
            }
            Conn c = new Conn(target, dest);
            try {
                c.start(selector);
                open.add(c);
            } catch (IOException | RuntimeException e) {
                fail(c, e, selector);
            }
        }

        private void step(Conn c, Selector selector) {
            try {
                if (c.advance()) {
                    latencies[done] = System.nanoTime() - c.started;
                    handshakes[done++] = c.handshake - c.started;
                    close(c);
                    next(selector);
                }
            } catch (IOException | RuntimeException e) {
                fail(c, e, selector);
            }
        }

        /** Connections past the timeout count as errors; past the deadline, the rest are dropped uncounted. */
        private void expire(Selector selector) {
            long now = System.nanoTime();
            for (Conn c : List.copyOf(open)) {
                if (now - c.started > timeout) {
                    fail(c, new IOException("timeout in step " + c.step), selector);
                } else if (now > deadline + timeout) {
                    close(c);
                }
            }
        }

        private void fail(Conn c, Exception e, Selector selector) {
            errors++;
            if (firstError == null) {
                firstError = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (c != null) {
                close(c);
                next(selector);
            }
        }

        private void close(Conn c) {
            open.remove(c);
            Bench.quietClose(c.channel);
        }
    }

    /** One connection's state: which reply it waits for and how many bytes of it are still due. */
    static final class Conn {
        enum Step { CONNECTING, METHOD, LOGIN, HEAD, ADDRESS, ECHO, END }

        private final Target target;
        private final InetSocketAddress dest;
        private final ByteBuffer in = ByteBuffer.allocate(300);
        private final byte[] payload = new byte[PAYLOAD];
        SocketChannel channel;
        SelectionKey key;
        Step step = Step.CONNECTING;
        long started;
        long handshake;

        Conn(Target target, InetSocketAddress dest) {
            this.target = target;
            this.dest = dest;
        }

        void start(Selector selector) throws IOException {
            started = System.nanoTime();
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Bench.bindSource(channel, target.proxy() == null ? dest : target.proxy());
            boolean now = channel.connect(target.proxy() == null ? dest : target.proxy());
            key = channel.register(selector, now ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
            if (now) {
                connected();
            }
        }

        /** Handles readiness; returns true once the target's end of stream came after the echo. */
        boolean advance() throws IOException {
            if (step == Step.CONNECTING) {
                Bench.expect(channel.finishConnect(), "connect not finished");
                connected();
                return false;
            }
            int n = channel.read(in);
            if (n < 0) {
                Bench.expect(step == Step.END, "end of stream in step %s", step);
                return true;
            }
            Bench.expect(step != Step.END, "data after the echo, want end of stream");
            if (!in.hasRemaining()) {
                in.flip();
                byte[] got = new byte[in.remaining()];
                in.get(got);
                replied(got);
            }
            return false;
        }

        private void connected() throws IOException {
            key.interestOps(SelectionKey.OP_READ);
            if (target.proxy() == null) {
                handshake = System.nanoTime();
                sendPayload();
            } else {
                send(Bench.greeting(target.user()), Step.METHOD, 2);
            }
        }

        private void replied(byte[] got) throws IOException {
            switch (step) {
                case METHOD -> {
                    Bench.checkMethod(got, target.user());
                    if (target.user() != null) {
                        send(Bench.login(target.user(), target.password()), Step.LOGIN, 2);
                    } else {
                        send(Bench.connectRequest(dest), Step.HEAD, 5);
                    }
                }
                case LOGIN -> {
                    Bench.checkLogin(got);
                    send(Bench.connectRequest(dest), Step.HEAD, 5);
                }
                case HEAD -> expectNext(Step.ADDRESS, Bench.replyRest(got));
                case ADDRESS -> {
                    handshake = System.nanoTime();
                    sendPayload();
                }
                case ECHO -> {
                    Bench.expect(Arrays.equals(got, payload), "echoed bytes differ");
                    expectNext(Step.END, 1);
                }
                default -> throw new IllegalStateException("step " + step);
            }
        }

        private void sendPayload() throws IOException {
            ThreadLocalRandom.current().nextBytes(payload);
            send(payload, Step.ECHO, PAYLOAD);
        }

        private void send(byte[] bytes, Step next, int replyBytes) throws IOException {
            ByteBuffer out = ByteBuffer.wrap(bytes);
            channel.write(out);
            Bench.expect(!out.hasRemaining(), "a %d-byte message did not fit in the socket buffer", bytes.length);
            expectNext(next, replyBytes);
        }

        private void expectNext(Step next, int bytes) {
            step = next;
            in.clear().limit(bytes);
        }
    }
}
