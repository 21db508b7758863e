package org.sockd.admin.internal;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sockd.common.text.LogText;

/**
 * {@code bin/sockd ctl}: runs one Gogo command line in the running daemon through its admin
 * socket and prints the answer, the command's output on standard output and its errors on
 * standard error. A plain Java program: bin/sockd runs it from the bundle jars, not in Felix.
 */
public final class ControlClient {

    static final int DONE = Answer.DONE;
    static final int FAILED = Answer.FAILED;
    static final int USAGE = 2;
    static final int NO_DAEMON = 3;

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private static final String USAGE_TEXT = """
            usage: sockd ctl [--socket PATH] [--timeout SECONDS] COMMAND [ARG]...
            Runs one Gogo command line in the running sockd and prints its answer, e.g.
              sockd ctl status
              sockd ctl sessions
              sockd ctl kill 42
            The arguments are joined with spaces into one command line; quote for Gogo inside it.
              --socket PATH      the daemon's admin socket (default: %s)
              --timeout SECONDS  how long to wait for the answer (default: %d)
              -h, --help         print this help and exit
            exit status: 0 done, 1 the command failed, 2 usage, 3 no daemon answers
            """;

    private ControlClient() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(List.of(args), System.getProperty(SocketPath.HOME), out, err));
    }

    /**
     * @param home the {@value SocketPath#HOME} property, or {@code null} for the working directory
     * @return the exit status
     */
    static int run(List<String> args, String home, PrintStream out, PrintStream err) {
        Path socket = SocketPath.resolve("", home);
        Duration timeout = DEFAULT_TIMEOUT;
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-"); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (arg.equals("-h") || arg.equals("--help")) {
                out.print(usage(socket));
                return DONE;
            }
            if (!option.equals("--socket") && !option.equals("--timeout")) {
                return usageError(err, socket, "unknown option " + arg);
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                return usageError(err, socket, option + " needs a value");
            }
            if (option.equals("--socket")) {
                if (value.isBlank()) {
                    return usageError(err, socket, "--socket needs a path");
                }
                socket = Path.of(value).toAbsolutePath().normalize();
            } else {
                if (!value.matches("[1-9][0-9]{0,5}")) {
                    return usageError(err, socket, "--timeout must be a number of seconds, not '" + value + "'");
                }
                timeout = Duration.ofSeconds(Integer.parseInt(value));
            }
        }
        if (i >= args.size()) {
            return usageError(err, socket, "no command given");
        }
        String line = String.join(" ", args.subList(i, args.size()));
        if (line.contains("\n") || line.contains("\r")) {
            return usageError(err, socket, "a command line cannot contain a line break");
        }
        if (Wire.request(line).length > Wire.MAX_REQUEST_BYTES) {
            return usageError(err, socket, "the command line is longer than " + Wire.MAX_REQUEST_BYTES + " bytes");
        }
        return talk(socket, line, timeout, out, err);
    }

    private static int talk(Path socket, String line, Duration timeout, PrintStream out, PrintStream err) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            err.println("sockd ctl: no daemon answers on " + socket + ": " + e.getMessage() + hint(e.getMessage()));
            return NO_DAEMON;
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread watchdog = Thread.ofPlatform().daemon().name("sockd-ctl-timeout").start(() -> {
            try {
                Thread.sleep(timeout);
                timedOut.set(true);
                channel.close();
            } catch (InterruptedException | IOException e) {
                // the answer came in time, or the channel is closed already
            }
        });
        try (channel) {
            send(channel, line);
            BufferedReader answer = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8));
            for (String text; (text = answer.readLine()) != null; ) {
                switch (Wire.decode(text)) {
                    case Wire.Out o -> out.println(o.text());
                    case Wire.Err e -> err.println(e.text());
                    case Wire.Exit exit -> {
                        return exit.status();
                    }
                    case Wire.Unknown unknown -> {
                        err.println("sockd ctl: " + socket + " answers something that is no sockd answer: "
                                + LogText.escape(unknown.text()));
                        return NO_DAEMON;
                    }
                }
            }
            err.println("sockd ctl: the daemon on " + socket + " closed the connection before its answer was complete");
            return NO_DAEMON;
        } catch (IOException e) {
            err.println(timedOut.get() ? "sockd ctl: no answer from " + socket + " within " + timeout.toSeconds() + " s"
                    : "sockd ctl: lost the connection to " + socket + ": " + e.getMessage());
            return NO_DAEMON;
        } finally {
            watchdog.interrupt();
        }
    }

    /** A daemon that refuses this user answers and closes at once: its answer is still there to read. */
    private static void send(SocketChannel channel, String line) {
        try {
            ByteBuffer request = ByteBuffer.wrap(Wire.request(line));
            while (request.hasRemaining()) {
                channel.write(request);
            }
            channel.shutdownOutput();
        } catch (IOException e) {
            // read what the daemon said before it closed
        }
    }

    private static String hint(String message) {
        if (message == null) {
            return "";
        }
        if (message.contains("No such file")) {
            return " (is sockd running, with this admin socket?)";
        }
        if (message.contains("Connection refused")) {
            return " (a socket left by a daemon that is gone)";
        }
        if (message.contains("Permission denied")) {
            return " (only the user sockd runs as, and root, may use it)";
        }
        return "";
    }

    private static String usage(Path socket) {
        return USAGE_TEXT.formatted(socket, DEFAULT_TIMEOUT.toSeconds());
    }

    private static int usageError(PrintStream err, Path socket, String message) {
        err.print("sockd ctl: " + message + "\n" + usage(socket));
        return USAGE;
    }
}
