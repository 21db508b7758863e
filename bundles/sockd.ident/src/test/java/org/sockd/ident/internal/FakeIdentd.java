package org.sockd.ident.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A scripted identd on 127.0.0.1, port 0: reads each query line, records it, then plays its script. */
final class FakeIdentd implements AutoCloseable {

    /** What the identd does after reading the query. */
    @FunctionalInterface
    interface Script {
        void play(InputStream in, OutputStream out) throws Exception;
    }

    /** A query as the identd saw it: the peer's address and the exact bytes up to and with LF. */
    record Query(InetAddress from, String text) {}

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Query> queries = new LinkedBlockingQueue<>();

    FakeIdentd(Script script) throws IOException {
        // A deep backlog, so that hundreds of simultaneous connects are not dropped and retried.
        server = new ServerSocket(0, 1024, InetAddress.getByName("127.0.0.1"));
        threads.submit(() -> acceptAll(script));
    }

    static Script answer(String text) {
        return (in, out) -> out.write(text.getBytes(ISO_8859_1));
    }

    /** Writes the text once the test opens the gate; closing the identd gives up on it. */
    static Script answerWhen(CountDownLatch gate, String text) {
        return (in, out) -> {
            gate.await();
            out.write(text.getBytes(ISO_8859_1));
        };
    }

    /** Answers no query before every one the meeting counts has arrived: proof that they were asked at once. */
    static Script answerWhenAllMet(CountDownLatch meeting, String text) {
        Script answer = answerWhen(meeting, text);
        return (in, out) -> {
            meeting.countDown();
            answer.play(in, out);
        };
    }

    /** Writes the text, then keeps the connection open until the client closes it. */
    static Script answerAndHold(String text) {
        return (in, out) -> {
            out.write(text.getBytes(ISO_8859_1));
            in.transferTo(OutputStream.nullOutputStream());
        };
    }

    static Script silent() {
        return (in, out) -> in.transferTo(OutputStream.nullOutputStream());
    }

    static Script hangUp() {
        return (in, out) -> {};
    }

    int port() {
        return server.getLocalPort();
    }

    Query nextQuery() throws InterruptedException {
        Query query = queries.poll(5, TimeUnit.SECONDS);
        if (query == null) {
            throw new AssertionError("identd got no query");
        }
        return query;
    }

    private Void acceptAll(Script script) throws IOException {
        while (true) {
            Socket socket = server.accept();
            threads.submit(() -> serve(socket, script));
        }
    }

    private Void serve(Socket socket, Script script) throws Exception {
        try (socket) {
            InputStream in = socket.getInputStream();
            queries.add(new Query(socket.getInetAddress(), readQuery(in)));
            script.play(in, socket.getOutputStream());
        }
        return null;
    }

    private static String readQuery(InputStream in) throws IOException {
        ByteArrayOutputStream query = new ByteArrayOutputStream();
        int b;
        while (query.size() < 100 && (b = in.read()) >= 0) {
            query.write(b);
            if (b == '\n') {
                break;
            }
        }
        return query.toString(ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow(); // interrupts scripts waiting at a gate and closes their sockets
    }
}
