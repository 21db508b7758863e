import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded soak of a running sockd: for the given time, mixed SOCKS 5 CONNECT (echoed payloads of
 * random sizes), BIND (a peer connects in, one exchange) and UDP ASSOCIATE (datagrams through the
 * relay to an echo), while the rules are reloaded by SIGHUP and a policy bundle is put into and
 * taken out of deploy/ every few seconds. Counts the daemon's descriptors, threads and direct
 * (native "Other") memory once a warm-up's sessions have ended, and again once the soak's have, and
 * says whether anything was left behind. Loopback only; JDK classes only. See bench/README.md ("Soak").
 *
 * <pre>java bench/Soak.java --proxy 127.0.0.1:PORT --pid PID --rules FILE --deploy DIR --policy JAR [options]</pre>
 */
public final class Soak {

    static final String USAGE = """
            usage: java bench/Soak.java --proxy HOST:PORT --pid PID --rules FILE [options]
              --proxy HOST:PORT   the sockd to soak (loopback)
              --pid PID           its process, whose descriptors, threads and memory are counted
              --rules FILE        its sockd.conf, rewritten (same rules) before each SIGHUP
              --deploy DIR        its deploy/ directory, where --policy is put and taken away
              --policy JAR        a policy bundle to swap in and out (none: no swaps)
              --seconds N         how long the load runs (default 600)
              --warmup N          seconds of load before the first count (default 10)
              --workers N         concurrent CONNECT clients (default 8)
              --reload-every N    seconds between reloads (default 3)
              --swap-every N      seconds between a policy's arrival and departure (default 5)
              --jcmd PATH         jcmd for the direct-memory count (default: next to this java)
            exit status: 0 if nothing leaked and no request failed, 1 otherwise, 2 on bad usage""";

    /** Descriptors and threads may differ this much between the counts (the JDK's own come and go). */
    static final int SLACK = 5;
    /** Direct memory may grow this much: buffers the relay's pool keeps for the next burst. */
    static final long DIRECT_SLACK_KIB = 16 * 1024;

    record Counts(int descriptors, int threads, long directKib) {
        @Override
        public String toString() {
            return "fds=" + descriptors + " threads=" + threads + " direct_kib=" + directKib;
        }
    }

    private final InetSocketAddress proxy;
    private final long pid;
    private final Path rules;
    private final Path deploy;
    private final Path policy;
    private final int seconds;
    private final int warmup;
    private final int workers;
    private final int reloadEvery;
    private final int swapEvery;
    private final String jcmd;
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong binds = new AtomicLong();
    private final AtomicLong datagrams = new AtomicLong();
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong swaps = new AtomicLong();
    private final ConcurrentHashMap<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    Soak(String[] args) {
        InetSocketAddress proxy = null;
        long pid = -1;
        Path rules = null;
        Path deploy = null;
        Path policy = null;
        int seconds = 600;
        int warmup = 10;
        int workers = 8;
        int reloadEvery = 3;
        int swapEvery = 5;
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--proxy" -> proxy = address(value);
                case "--pid" -> pid = Long.parseLong(value);
                case "--rules" -> rules = Path.of(value);
                case "--deploy" -> deploy = Path.of(value);
                case "--policy" -> policy = Path.of(value);
                case "--seconds" -> seconds = positive(args[i], value);
                case "--warmup" -> warmup = positive(args[i], value);
                case "--workers" -> workers = positive(args[i], value);
                case "--reload-every" -> reloadEvery = positive(args[i], value);
                case "--swap-every" -> swapEvery = positive(args[i], value);
                case "--jcmd" -> jcmd = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (proxy == null || pid <= 0 || rules == null || (policy != null && deploy == null)) {
            throw new IllegalArgumentException("--proxy, --pid and --rules are required, --deploy with --policy");
        }
        this.proxy = proxy;
        this.pid = pid;
        this.rules = rules;
        this.deploy = deploy;
        this.policy = policy;
        this.seconds = seconds;
        this.warmup = warmup;
        this.workers = workers;
        this.reloadEvery = reloadEvery;
        this.swapEvery = swapEvery;
        this.jcmd = jcmd;
    }

    public static void main(String[] args) throws Exception {
        Soak soak;
        try {
            soak = new Soak(args);
        } catch (RuntimeException e) {
            System.err.println("Soak: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.exit(soak.run() ? 0 : 1);
    }

    boolean run() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
                DatagramSocket udpEcho = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            List<Thread> threads = new ArrayList<>();
            threads.add(Thread.ofVirtual().start(() -> echoEach(echo)));
            threads.add(Thread.ofVirtual().start(() -> echoDatagrams(udpEcho)));

            // the warm-up opens what the daemon keeps for good (relay loops, pools, compiled code)
            load(echo.getLocalPort(), udpEcho.getLocalPort(), warmup);
            Counts during = quiet(null);
            System.out.println("# after " + warmup + " s of load, quiet: " + during);
            load(echo.getLocalPort(), udpEcho.getLocalPort(), seconds);
            Counts before = quiet(during);
            System.out.println("# after " + seconds + " s more, quiet: " + before);
            boolean leaked = before.descriptors() > during.descriptors() + SLACK
                    || before.threads() > during.threads() + SLACK
                    || before.directKib() > during.directKib() + DIRECT_SLACK_KIB;
            long failed = errors.values().stream().mapToLong(AtomicLong::get).sum();
            System.out.printf("soak seconds=%d connects=%d binds=%d datagrams=%d reloads=%d swaps=%d errors=%d"
                    + " fds=%d->%d threads=%d->%d direct_kib=%d->%d status=%s%n", seconds, connects.get(), binds.get(),
                    datagrams.get(), reloads.get(), swaps.get(), failed, during.descriptors(), before.descriptors(),
                    during.threads(), before.threads(), during.directKib(), before.directKib(),
                    leaked ? "leak" : failed > 0 ? "errors" : "ok");
            errors.forEach((kind, count) -> System.out.println("# errors " + kind + ": " + count.get()));
            echo.close();
            udpEcho.close();
            for (Thread thread : threads) {
                thread.join(5_000);
            }
            return !leaked && failed == 0;
        }
    }

    /** Runs the mixed load for {@code duration} seconds and waits for its clients to stop. */
    private void load(int echoPort, int udpEchoPort, int duration) throws Exception {
        running = true;
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            long seed = i;
            load.add(Thread.ofVirtual().start(() -> repeat("connect", () -> connectOnce(echoPort, seed))));
        }
        load.add(Thread.ofVirtual().start(() -> repeat("bind", this::bindOnce)));
        load.add(Thread.ofVirtual().start(() -> repeat("udp", () -> udpOnce(udpEchoPort))));
        load.add(Thread.ofVirtual().start(this::reloads));
        if (policy != null) {
            load.add(Thread.ofVirtual().start(this::swaps));
        }
        Thread.sleep(duration * 1000L);
        running = false;
        for (Thread thread : load) {
            thread.interrupt(); // the reloads and swaps sleep between their steps
            thread.join(30_000);
        }
        if (policy != null) {
            Files.deleteIfExists(deploy.resolve(policy.getFileName()));
        }
    }

    /**
     * Counts once the sessions of the load have ended: when the descriptors have not changed for
     * two seconds (at most 30 s), or are back within the slack of {@code baseline}.
     */
    private Counts quiet(Counts baseline) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Counts last = counts();
        int steady = 0;
        while (System.nanoTime() < deadline && steady < 4
                && (baseline == null || last.descriptors() > baseline.descriptors() + SLACK)) {
            Thread.sleep(500);
            Counts now = counts();
            steady = now.descriptors() == last.descriptors() ? steady + 1 : 0;
            last = now;
        }
        return last;
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private void repeat(String kind, Step step) {
        while (running) {
            try {
                step.run();
            } catch (Exception | AssertionError e) {
                if (running) {
                    errors.computeIfAbsent(kind + ": " + e, k -> new AtomicLong()).incrementAndGet();
                }
            }
        }
    }

    private void connectOnce(int echoPort, long seed) throws IOException {
        Random random = new Random(seed ^ System.nanoTime());
        byte[] payload = new byte[1 + random.nextInt(256 * 1024)];
        random.nextBytes(payload);
        try (Socket client = request(1, InetAddress.getLoopbackAddress(), echoPort, source(seed))) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    client.getOutputStream().write(payload);
                } catch (IOException e) {
                    // the read below reports it
                }
            });
            byte[] back = new DataInputStream(client.getInputStream()).readNBytes(payload.length);
            writer.join();
            if (!Arrays.equals(back, payload)) {
                throw new AssertionError("echo differs after " + Arrays.mismatch(back, payload) + " bytes");
            }
            connects.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void bindOnce() throws IOException, InterruptedException {
        try (Socket control = request(2, InetAddress.getLoopbackAddress(), 0, null)) {
            InetSocketAddress listening = boundAddress(control);
            try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), listening.getPort())) {
                reply(control); // the second reply: who came
                peer.getOutputStream().write("bind".getBytes());
                byte[] got = new DataInputStream(control.getInputStream()).readNBytes(4);
                if (!Arrays.equals(got, "bind".getBytes())) {
                    throw new AssertionError("the BIND peer's bytes did not arrive");
                }
            }
            binds.incrementAndGet();
        }
        Thread.sleep(100);
    }

    private void udpOnce(int echoPort) throws IOException, InterruptedException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                Socket control = request(3, InetAddress.getLoopbackAddress(), socket.getLocalPort(), null)) {
            InetSocketAddress relay = boundAddress(control);
            socket.setSoTimeout(5_000);
            for (int i = 0; i < 10; i++) {
                byte[] data = ("datagram " + i).getBytes();
                byte[] packet = new byte[10 + data.length];
                packet[3] = 1;
                System.arraycopy(new byte[] {127, 0, 0, 1}, 0, packet, 4, 4);
                packet[8] = (byte) (echoPort >> 8);
                packet[9] = (byte) echoPort;
                System.arraycopy(data, 0, packet, 10, data.length);
                socket.send(new DatagramPacket(packet, packet.length, relay));
                DatagramPacket answer = new DatagramPacket(new byte[2048], 2048);
                socket.receive(answer);
                byte[] body = Arrays.copyOfRange(answer.getData(), 10, answer.getLength());
                if (!Arrays.equals(body, data)) {
                    throw new AssertionError("the datagram came back changed");
                }
                datagrams.incrementAndGet();
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("no datagram back within 5 s", e);
        }
        Thread.sleep(100);
    }

    private void reloads() {
        while (running) {
            try {
                Thread.sleep(reloadEvery * 1000L);
                String text = Files.readString(rules);
                // the same rules, a different file: a reload reads and installs them anew
                Files.writeString(rules, text.replaceAll("(?m)^# soak reload .*\\n", "")
                        + "# soak reload " + reloads.get() + "\n");
                Process kill = new ProcessBuilder("kill", "-HUP", String.valueOf(pid)).inheritIO().start();
                if (kill.waitFor() != 0) {
                    throw new IOException("kill -HUP " + pid + " failed");
                }
                reloads.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                errors.computeIfAbsent("reload: " + e, k -> new AtomicLong()).incrementAndGet();
            }
        }
    }

    private void swaps() {
        Path placed = deploy.resolve(policy.getFileName());
        while (running) {
            try {
                Thread.sleep(swapEvery * 1000L);
                if (Files.exists(placed)) {
                    Files.delete(placed);
                } else {
                    Path partial = deploy.resolve(policy.getFileName() + ".part");
                    Files.copy(policy, partial, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(partial, placed, StandardCopyOption.ATOMIC_MOVE);
                }
                swaps.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                errors.computeIfAbsent("swap: " + e, k -> new AtomicLong()).incrementAndGet();
            }
        }
    }

    /**
     * The CONNECT clients come from 127.1.0.1 to 127.1.0.8 in turn, as users of a proxy come from
     * many hosts: one address alone would meet the daemon's limits of one client address.
     */
    private static InetAddress source(long seed) throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 1, 0, (byte) (1 + seed % 8)});
    }

    /**
     * SOCKS 5 without authentication from {@code from} (or the system's choice), then one request;
     * a CONNECT's reply is read and must grant.
     */
    private Socket request(int command, InetAddress address, int port, InetAddress from) throws IOException {
        Socket socket = new Socket();
        try {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(proxy, 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            byte[] ip = address.getAddress();
            out.write(new byte[] {5, 1, 0, 5, (byte) command, 0, 1, ip[0], ip[1], ip[2], ip[3], (byte) (port >> 8),
                    (byte) port});
            byte[] method = new DataInputStream(socket.getInputStream()).readNBytes(2);
            if (method.length < 2 || method[1] != 0) {
                throw new IOException("method not accepted");
            }
            if (command != 2 && command != 3) {
                reply(socket);
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static InetSocketAddress boundAddress(Socket socket) throws IOException {
        return reply(socket);
    }

    /** Reads one SOCKS 5 reply with an IPv4 address and fails unless it grants. */
    private static InetSocketAddress reply(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] head = new DataInputStream(in).readNBytes(10);
        if (head.length < 10 || head[1] != 0 || head[3] != 1) {
            throw new IOException("refused or odd reply " + Arrays.toString(head));
        }
        InetAddress address = InetAddress.getByAddress(Arrays.copyOfRange(head, 4, 8));
        return new InetSocketAddress(address, ((head[8] & 0xff) << 8) | (head[9] & 0xff));
    }

    private Counts counts() throws IOException, InterruptedException {
        int descriptors;
        try (var entries = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            descriptors = (int) entries.count();
        }
        int threads = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith("Threads:")).mapToInt(line -> Integer.parseInt(line.replaceAll("\\D", "")))
                .findFirst().orElse(-1);
        return new Counts(descriptors, threads, directKib());
    }

    /** Direct buffers count as "Other" in the JVM's native memory tracking; -1 when it is off. */
    private long directKib() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jcmd, String.valueOf(pid), "VM.native_memory", "summary")
                .redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("-") && trimmed.contains("Other (")) {
                String committed = trimmed.replaceAll(".*committed=(\\d+)KB.*", "$1");
                return Long.parseLong(committed);
            }
        }
        return -1;
    }

    private static void echoEach(ServerSocket server) {
        try {
            while (true) {
                Socket peer = server.accept();
                Thread.ofVirtual().start(() -> {
                    try (peer) {
                        peer.getInputStream().transferTo(peer.getOutputStream());
                    } catch (IOException e) {
                        // the client went away
                    }
                });
            }
        } catch (IOException e) {
            // closed at the end
        }
    }

    private static void echoDatagrams(DatagramSocket socket) {
        byte[] buffer = new byte[2048];
        try {
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                socket.send(new DatagramPacket(packet.getData(), packet.getLength(), packet.getSocketAddress()));
            }
        } catch (IOException e) {
            // closed at the end
        }
    }

    private static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        InetSocketAddress address = new InetSocketAddress(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        if (address.getAddress() == null || !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("--proxy must be a loopback address: " + text);
        }
        return address;
    }

    private static int positive(String option, String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }
}
