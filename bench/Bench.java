import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the benchmark programs beside this file (SocksBench, SocksLoad, IdleSessions, InetdStart) share: a SOCKS 5 CONNECT
 * written out by hand, checks, quiet closing, bounded joins and counted options. {@code java
 * bench/SocksBench.java} compiles this file along with the program on JDK 22 and later; bench/run
 * compiles it first and puts it on the class path, so that JDK 21 runs the programs too.
 */
final class Bench {

    /**
     * How many loopback addresses the clients' connections come from (127.1.0.1 on), in turn:
     * {@code -Dbench.sources} (default 64; 1 lets the system choose, 127.0.0.1). Many users stand
     * behind a proxy, not one host: sockd limits what a single address may hold and open per
     * second, and a single address would also run out of ports in TIME_WAIT at these rates.
     */
    static final int SOURCES = Integer.getInteger("bench.sources", 64);
    private static final java.util.concurrent.atomic.AtomicLong NEXT_SOURCE = new java.util.concurrent.atomic.AtomicLong();

    /** Binds {@code socket} to the next client address when it is to reach a loopback {@code peer}. */
    static void bindSource(Socket socket, InetSocketAddress peer) throws IOException {
        if (SOURCES > 1 && peer.getAddress().isLoopbackAddress()) {
            socket.bind(new InetSocketAddress(nextSource(), 0));
        }
    }

    /** As {@link #bindSource(Socket, InetSocketAddress)}, for a channel. */
    static void bindSource(java.nio.channels.SocketChannel channel, InetSocketAddress peer) throws IOException {
        if (SOURCES > 1 && peer.getAddress().isLoopbackAddress()) {
            channel.bind(new InetSocketAddress(nextSource(), 0));
        }
    }

    private static InetAddress nextSource() throws IOException {
        int n = (int) (NEXT_SOURCE.getAndIncrement() % SOURCES);
        return InetAddress.getByAddress(new byte[] {127, 1, (byte) (n >> 8), (byte) (1 + (n & 0xff) % 254)});
    }

    /**
     * Where the target servers listen: on loopback, but not at 127.0.0.1, which a SOCKSified sockd
     * always reaches directly; "sockd via sockd" would otherwise not chain at all. bench/run
     * --chain-link sets {@code -Dbench.target.host} for bench/Targets.java in a network namespace
     * of its own.
     */
    static final InetAddress TARGET_HOST = targetHost();

    /**
     * The RFC 2544 benchmarking network, 198.18.0.0/15: bench/run --chain-link gives its addresses
     * to a veth pair between two network namespaces it makes, which have no other link; nothing
     * sent to it leaves the machine.
     */
    private static final int BENCH_NET = (198 << 24) | (18 << 16);
    private static final int BENCH_MASK = -1 << 17;

    private Bench() {
    }

    private static InetAddress targetHost() {
        String host = System.getProperty("bench.target.host");
        if (host == null) {
            return loopback(2);
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            expect(local(address), "-Dbench.target.host=%s is neither loopback nor in 198.18.0.0/15", host);
            return address;
        } catch (IOException e) {
            throw new IllegalArgumentException("-Dbench.target.host=" + host + ": " + e.getMessage(), e);
        }
    }

    /** @return whether the programs may talk to {@code address}: loopback or the benchmarking network */
    static boolean local(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        return b.length == 4 && (ByteBuffer.wrap(b).getInt() & BENCH_MASK) == BENCH_NET;
    }

    /**
     * Parses {@code NAME=HOST:PORT,...}, the line bench/Targets.java prints (without "targets "),
     * for --targets-at.
     *
     * @throws IllegalArgumentException when a name in {@code needed} is missing or an address is not {@link #local}
     */
    static Map<String, InetSocketAddress> targetsAt(String value, List<String> needed) {
        Map<String, InetSocketAddress> at = new LinkedHashMap<>();
        for (String item : value.split(",")) {
            int eq = item.indexOf('=');
            int colon = item.lastIndexOf(':');
            if (eq <= 0 || colon < eq) {
                throw new IllegalArgumentException("--targets-at: bad item '" + item + "', want NAME=HOST:PORT");
            }
            InetSocketAddress address = new InetSocketAddress(item.substring(eq + 1, colon),
                    parseCount("--targets-at", item.substring(colon + 1)));
            if (address.isUnresolved() || !local(address.getAddress())) {
                throw new IllegalArgumentException("--targets-at: " + item + " is neither loopback nor in 198.18.0.0/15");
            }
            at.put(item.substring(0, eq), address);
        }
        for (String name : needed) {
            if (!at.containsKey(name)) {
                throw new IllegalArgumentException("--targets-at names no " + name + "=HOST:PORT");
            }
        }
        return at;
    }

    private static InetAddress loopback(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A proxy or a target did not answer as the protocol or the test says. */
    static final class ProtocolException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message);
        }
    }

    /** No authentication, CONNECT to an IPv4 destination; returns once the proxy granted it. */
    static void socks5Connect(Socket s, InetSocketAddress dest) throws IOException {
        socks5Connect(s, dest, null, null);
    }

    /**
     * CONNECT to an IPv4 destination, with RFC 1929 username/password when {@code user} is not
     * null (method 02), else with no authentication (method 00); returns once the proxy granted it.
     */
    static void socks5Connect(Socket s, InetSocketAddress dest, String user, String password) throws IOException {
        OutputStream out = s.getOutputStream();
        DataInputStream in = new DataInputStream(s.getInputStream());
        out.write(greeting(user));
        byte[] method = new byte[2];
        in.readFully(method);
        checkMethod(method, user);
        if (user != null) {
            out.write(login(user, password));
            byte[] status = new byte[2];
            in.readFully(status);
            checkLogin(status);
        }
        out.write(connectRequest(dest));
        byte[] head = new byte[5];
        in.readFully(head);
        in.readFully(new byte[replyRest(head)]);
    }

    /** The client's first message: one method, 02 (username/password) if there is a user, else 00. */
    static byte[] greeting(String user) {
        return new byte[] {5, 1, (byte) (user == null ? 0 : 2)};
    }

    static void checkMethod(byte[] reply, String user) {
        int want = user == null ? 0 : 2;
        expect(reply[0] == 5 && reply[1] == want, "method reply %02x %02x, want 05 %02x", reply[0], reply[1], want);
    }

    /** The RFC 1929 request: version 1, user name and password, each with a length byte. */
    static byte[] login(String user, String password) {
        byte[] u = user.getBytes(StandardCharsets.UTF_8);
        byte[] p = password.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(3 + u.length + p.length).put((byte) 1).put((byte) u.length).put(u)
                .put((byte) p.length).put(p).array();
    }

    static void checkLogin(byte[] status) {
        expect(status[0] == 1 && status[1] == 0, "login status %02x %02x, want 01 00", status[0], status[1]);
    }

    static byte[] connectRequest(InetSocketAddress dest) {
        byte[] ip = dest.getAddress().getAddress();
        expect(ip.length == 4, "destination %s is not IPv4", dest);
        return ByteBuffer.allocate(10).put(new byte[] {5, 1, 0, 1}).put(ip).putShort((short) dest.getPort()).array();
    }

    /**
     * Checks the first 5 bytes of a CONNECT reply (VER REP RSV ATYP and the first address byte) and
     * returns how many bytes of it follow.
     */
    static int replyRest(byte[] head) {
        expect(head[0] == 5, "reply version %02x, want 05", head[0]);
        expect(head[1] == 0, "reply REP=%02x, want 00", head[1]);
        return switch (head[3]) {
            case 1 -> 4 - 1 + 2;
            case 4 -> 16 - 1 + 2;
            case 3 -> (head[4] & 0xff) + 2;
            default -> throw new ProtocolException(String.format("reply ATYP=%02x", head[3]));
        };
    }

    /**
     * The CPU this process used since {@code cpuBefore} and {@code nanoBefore} (values of {@link
     * #cpuNanos()} and {@link System#nanoTime()}): {@code client_cpu_s}, seconds, and {@code
     * client_cpu_pct}, percent of all the machine's cores (near 100 the client itself is what
     * limits the figures).
     */
    static Map<String, String> cpuFields(long cpuBefore, long nanoBefore) {
        double wall = System.nanoTime() - nanoBefore;
        double used = cpuNanos() - cpuBefore;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("client_cpu_s", String.format(Locale.ROOT, "%.3f", used / 1e9));
        fields.put("client_cpu_pct", String.format(Locale.ROOT, "%.0f",
                100 * used / wall / Runtime.getRuntime().availableProcessors()));
        return fields;
    }

    /** CPU time this whole process has used: the load client's cost, reported beside its figures. */
    static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    static void expect(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new ProtocolException(String.format(format, args));
        }
    }

    /** Closes, ignoring failures and {@code null}. */
    static void quietClose(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing to do
        }
    }

    /** Waits for the thread until {@code untilNanos} (a {@link System#nanoTime()} value) at the latest. */
    static void joinUntil(Thread t, long untilNanos) {
        long left = untilNanos - System.nanoTime();
        try {
            if (left > 0) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The value of a counting option, for example {@code --rounds 3}. */
    static int parseCount(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " wants a count >= 0, not '" + value + "'");
    }

    /**
     * Parses a program's arguments with {@code parse}, which returns null when help was asked for:
     * then prints {@code usage} and exits 0; on an {@link IllegalArgumentException} prints its
     * message and the usage and exits 2.
     */
    static <T> T optionsOrExit(String program, String usage, String[] args, Function<String[], T> parse) {
        try {
            T options = parse.apply(args);
            if (options == null) {
                System.out.println(usage);
                System.exit(0);
            }
            return options;
        } catch (IllegalArgumentException e) {
            System.err.println(program + ": " + e.getMessage());
            System.err.println(usage);
            System.exit(2);
            return null;
        }
    }

    /**
     * Walks arguments: words not starting with {@code --} go to {@code positional}, every other
     * option with its value to {@code option}. Returns false when -h or --help was given.
     */
    static boolean walk(String[] args, Consumer<String> positional, BiConsumer<String, String> option) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                return false;
            } else if (!arg.startsWith("--")) {
                positional.accept(arg);
            } else if (i + 1 == args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            } else {
                option.accept(arg, args[++i]);
            }
        }
        return true;
    }

    /** A loopback target server: echoes one {@code once} bytes and closes, or (once = 0) echoes until the end. */
    static final class Echo implements AutoCloseable {
        private final ServerSocket server;

        Echo(int once) throws IOException {
            server = new ServerSocket(0, 4096, TARGET_HOST);
            Thread.ofPlatform().daemon().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        Thread.ofVirtual().start(() -> serve(s, once));
                    } catch (IOException e) {
                        // closed: the run is over
                    }
                }
            });
        }

        private static void serve(Socket s, int once) {
            try (s) {
                s.setTcpNoDelay(true);
                s.setSoTimeout(60_000);
                if (once > 0) {
                    s.getOutputStream().write(s.getInputStream().readNBytes(once));
                } else {
                    s.getInputStream().transferTo(s.getOutputStream());
                }
            } catch (IOException e) {
                // the client side counts the failure
            }
        }

        InetSocketAddress address() {
            return (InetSocketAddress) server.getLocalSocketAddress();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
