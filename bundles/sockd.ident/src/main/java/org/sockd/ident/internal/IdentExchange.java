package org.sockd.ident.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.sockd.api.ident.IdentResult;

/**
 * One blocking RFC 1413 query: connect, send, read one line. Meant to run on a virtual thread.
 * A single deadline covers all three steps, as the classic daemon's shared 15 s budget did.
 */
final class IdentExchange {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final int port;
    private final int timeoutMillis;
    private final int maxAnswer;

    /**
     * @param port the identd port (113)
     * @param timeoutMillis the budget for connect, send and read together
     * @param maxAnswer the most characters of an answer line, its line end not counted
     */
    IdentExchange(int port, int timeoutMillis, int maxAnswer) {
        if (port < 1 || port > 65535 || timeoutMillis < 1 || maxAnswer < 1) {
            throw new IllegalArgumentException("sockd.ident: port must be 1-65535, timeout.ms and max.answer above 0; got "
                    + port + ", " + timeoutMillis + ", " + maxAnswer);
        }
        this.port = port;
        this.timeoutMillis = timeoutMillis;
        this.maxAnswer = maxAnswer;
    }

    IdentResult ask(InetSocketAddress client, InetSocketAddress server) {
        if (client.isUnresolved() || server.isUnresolved()) {
            return new IdentResult.Unreachable("unresolved address " + (client.isUnresolved() ? client : server));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try (Socket socket = new Socket()) {
            // The answer concerns the connection between these two addresses, so ask from ours.
            socket.bind(new InetSocketAddress(server.getAddress(), 0));
            socket.connect(new InetSocketAddress(client.getAddress(), port), remainingMillis(deadline));
            socket.getOutputStream().write(query(client.getPort(), server.getPort()));
            return answer(socket, deadline, client.getPort(), server.getPort());
        } catch (SocketTimeoutException e) {
            return new IdentResult.Unreachable("no answer within " + timeoutMillis + " ms");
        } catch (ConnectException e) {
            // The JDK throws exactly this for ECONNREFUSED (and the kernel's own connect timeout,
            // which our deadline always pre-empts); unreachable hosts and resets are other exceptions.
            return new IdentResult.Unreachable("connection refused");
        } catch (IOException e) {
            return new IdentResult.Unreachable("cannot query identd: " + e.getMessage());
        }
    }

    private static byte[] query(int clientPort, int serverPort) {
        // Locale.ROOT: a default locale with other digits would garble the numbers.
        return String.format(Locale.ROOT, "%d , %d\r\n", clientPort, serverPort).getBytes(US_ASCII);
    }

    private IdentResult answer(Socket socket, long deadline, int clientPort, int serverPort) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] line = new byte[maxAnswer + 2]; // room for the longest line and its CR LF, never more
        int length = 0;
        while (length < line.length) {
            socket.setSoTimeout(remainingMillis(deadline));
            int read = in.read(line, length, line.length - length);
            if (read < 0) {
                // RFC 1413 counts this as UNKNOWN-ERROR; a partial USERID line is not trusted,
                // since a cut-off user-id would be taken for a different user.
                return new IdentResult.Unreachable("connection closed before the end of the answer");
            }
            int lf = indexOf(line, LF, length, length + read);
            length += read;
            if (lf >= 0) {
                int end = lf > 0 && line[lf - 1] == CR ? lf - 1 : lf;
                return end > maxAnswer
                        ? tooLong()
                        : IdentReply.parse(new String(line, 0, end, ISO_8859_1), clientPort, serverPort);
            }
        }
        return tooLong();
    }

    private IdentResult tooLong() {
        return new IdentResult.Unreachable("answer longer than " + maxAnswer + " characters");
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw new SocketTimeoutException();
        }
        // Rounded up: rounding down would give up before the deadline, and to 0, which means "wait forever".
        return (int) TimeUnit.NANOSECONDS.toMillis(nanos + TimeUnit.MILLISECONDS.toNanos(1) - 1);
    }
}
