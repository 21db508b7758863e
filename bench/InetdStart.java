import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Start-to-first-byte of sockd in inetd "nowait" mode: socat plays inetd (it accepts one
 * connection and execs a command with the connection as standard input and output), and this
 * program is the client. The clock starts when the client connects, which is when inetd starts the
 * process; the figures are the first byte of the SOCKS 5 method reply, the CONNECT reply (REP),
 * and the end of the process after a round trip and a close. Each round runs every setting once,
 * in turn, so that a change in the machine's load weighs on all of them alike. JDK classes only;
 * see bench/inetd-start.
 *
 * <pre>java bench/InetdStart.java [--runs N] NAME=COMMAND...</pre>
 * COMMAND is split on blanks; socat allows no commas, colons or quotes in it.
 */
public final class InetdStart {

    private static final int TIMEOUT_MS = 60_000;

    record Run(double firstByteMs, double connectReplyMs, double exitMs, int exitStatus) {
    }

    public static void main(String[] args) throws Exception {
        int runs = 10;
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs") && i + 1 < args.length) {
                runs = Integer.parseInt(args[++i]);
            } else if (args[i].matches("[\\w.+-]+=\\S.*") && !args[i].matches(".*[,:!\"'\\\\].*")) {
                settings.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
            } else {
                usage("not NAME=COMMAND (no commas, colons or quotes in COMMAND): " + args[i]);
            }
        }
        if (settings.isEmpty()) {
            usage("no NAME=COMMAND");
        }
        Map<String, List<Run>> results = new LinkedHashMap<>();
        settings.keySet().forEach(name -> results.put(name, new ArrayList<>()));
        boolean clean = true;
        try (Bench.Echo echo = new Bench.Echo(0)) {
            for (int run = 1; run <= runs; run++) {
                for (Map.Entry<String, String> setting : settings.entrySet()) {
                    clean &= measure(setting.getKey(), setting.getValue(), run, echo, results.get(setting.getKey()));
                }
            }
        }
        results.forEach(InetdStart::summary);
        System.exit(clean ? 0 : 1);
    }

    private static boolean measure(String name, String command, int run, Bench.Echo echo, List<Run> results) throws Exception {
        try {
            Run result = once(command, echo.address());
            results.add(result);
            System.out.printf(Locale.ROOT, "inetd-start label=%s run=%d first_byte_ms=%.0f connect_reply_ms=%.0f "
                    + "exit_ms=%.0f exit=%d%n", name, run, result.firstByteMs(), result.connectReplyMs(),
                    result.exitMs(), result.exitStatus());
            return result.exitStatus() == 0;
        } catch (IOException | RuntimeException e) {
            System.out.printf(Locale.ROOT, "inetd-start label=%s run=%d status=ERROR error=%s%n", name, run, e);
            return false;
        }
    }

    private static void summary(String name, List<Run> results) {
        if (results.isEmpty()) {
            return;
        }
        System.out.printf(Locale.ROOT, "summary label=%s runs=%d first_byte_median_ms=%.0f first_byte_min_ms=%.0f "
                + "connect_reply_median_ms=%.0f connect_reply_min_ms=%.0f exit_median_ms=%.0f%n", name, results.size(),
                median(results.stream().mapToDouble(Run::firstByteMs).toArray()),
                results.stream().mapToDouble(Run::firstByteMs).min().orElseThrow(),
                median(results.stream().mapToDouble(Run::connectReplyMs).toArray()),
                results.stream().mapToDouble(Run::connectReplyMs).min().orElseThrow(),
                median(results.stream().mapToDouble(Run::exitMs).toArray()));
    }

    private static Run once(String command, InetSocketAddress target) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process inetd = new ProcessBuilder("socat", "-d", "-d", "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr",
                "EXEC:" + command + ",nofork").redirectErrorStream(true).start();
        try {
            CompletableFuture<Void> listening = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> drain(inetd.getInputStream(), listening));
            listening.get(10, TimeUnit.SECONDS);
            try (Socket client = new Socket()) {
                client.setSoTimeout(TIMEOUT_MS);
                long start = System.nanoTime();
                client.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
                OutputStream out = client.getOutputStream();
                DataInputStream in = new DataInputStream(client.getInputStream());
                out.write(new byte[] {5, 1, 0});
                int version = in.read();
                long firstByte = System.nanoTime();
                int method = in.read();
                if (version != 5 || method != 0) {
                    throw new IOException("method reply " + version + " " + method + ", not 5 0");
                }
                byte[] address = target.getAddress().getAddress();
                out.write(new byte[] {5, 1, 0, 1, address[0], address[1], address[2], address[3],
                    (byte) (target.getPort() >> 8), (byte) target.getPort()});
                byte[] reply = new byte[10];
                in.readFully(reply);
                long connectReply = System.nanoTime();
                if (reply[1] != 0) {
                    throw new IOException("CONNECT refused with REP " + reply[1]);
                }
                byte[] ping = "start-to-first-byte".getBytes(StandardCharsets.US_ASCII);
                out.write(ping);
                byte[] pong = in.readNBytes(ping.length);
                if (!Arrays.equals(ping, pong)) {
                    throw new IOException("the echo came back wrong");
                }
                client.close();
                if (!inetd.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    throw new IOException("the process did not exit within " + TIMEOUT_MS + " ms of the client's close");
                }
                long exit = System.nanoTime();
                return new Run(millis(firstByte - start), millis(connectReply - start), millis(exit - start),
                        inetd.exitValue());
            }
        } finally {
            inetd.destroyForcibly();
            inetd.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Reads socat's diagnostics (and whatever the command prints) to their end; notes when it listens. */
    private static void drain(InputStream output, CompletableFuture<Void> listening) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.contains("listening on")) {
                    listening.complete(null);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        listening.completeExceptionally(new IOException("socat ended before it listened"));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void usage(String problem) {
        System.err.println("InetdStart: " + problem);
        System.err.println("usage: java bench/InetdStart.java [--runs N] NAME=COMMAND...");
        System.exit(2);
    }
}
