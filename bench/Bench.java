import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * What the benchmark programs beside this file (SocksBench, IdleSessions) share: a SOCKS 5 CONNECT
 * written out by hand, checks, quiet closing, bounded joins and counted options. {@code java
 * bench/SocksBench.java} compiles this file along with the program on JDK 22 and later; bench/run
 * compiles it first and puts it on the class path, so that JDK 21 runs the programs too.
 */
final class Bench {

    private Bench() {
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
        OutputStream out = s.getOutputStream();
        DataInputStream in = new DataInputStream(s.getInputStream());
        out.write(new byte[] {5, 1, 0});
        byte[] method = new byte[2];
        in.readFully(method);
        expect(method[0] == 5 && method[1] == 0, "method reply %02x %02x, want 05 00", method[0], method[1]);
        byte[] ip = dest.getAddress().getAddress();
        expect(ip.length == 4, "destination %s is not IPv4", dest);
        out.write(ByteBuffer.allocate(10).put(new byte[] {5, 1, 0, 1}).put(ip).putShort((short) dest.getPort()).array());
        byte[] head = new byte[4];
        in.readFully(head);
        expect(head[0] == 5, "reply version %02x, want 05", head[0]);
        expect(head[1] == 0, "reply REP=%02x, want 00", head[1]);
        int addressLength = switch (head[3]) {
            case 1 -> 4;
            case 4 -> 16;
            case 3 -> in.readUnsignedByte();
            default -> throw new ProtocolException(String.format("reply ATYP=%02x", head[3]));
        };
        in.readFully(new byte[addressLength + 2]);
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
}
