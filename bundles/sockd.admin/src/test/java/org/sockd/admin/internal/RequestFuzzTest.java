package org.sockd.admin.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided: whatever a client sends, in writes whose sizes come from the fuzzer, the daemon
 * reads a command line or a reason to refuse it, never more than the cap (README "Fuzzing"; the
 * answers: {@link AnswerLineFuzzTest}).
 */
class RequestFuzzTest {

    @TempDir
    Path dir;

    private ServerSocketChannel listener;
    private UnixDomainSocketAddress address;

    @BeforeEach
    void listen() throws IOException {
        address = UnixDomainSocketAddress.of(dir.resolve("admin.sock"));
        listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address);
    }

    @AfterEach
    void close() throws IOException {
        listener.close();
    }

    @FuzzTest(maxDuration = "10m")
    void read(FuzzedDataProvider data) throws IOException, InterruptedException {
        // Bytes from the front of the input, write sizes from its back (one byte each when it runs out).
        byte[] sent = data.consumeBytes(Wire.MAX_REQUEST_BYTES + 2);
        switch (received(sent, data)) {
            case Request.Line line -> {
                assertThat(line.text()).isNotBlank().doesNotContain("\n");
                assertThat(line.text().getBytes(UTF_8).length).isLessThanOrEqualTo(Wire.MAX_REQUEST_BYTES);
                // The line is what came before the line feed, less the CR of a CR LF; a CR before that is the client's.
                String text = new String(sent, UTF_8);
                assertThat(text).startsWith(line.text());
                assertThat(text.substring(line.text().length())).matches("(?s)(\r?\n.*|\r?)");
            }
            case Request.Unusable unusable -> assertThat(unusable.reason()).isNotEmpty();
        }
    }

    /**
     * The client writes from a thread of its own, as small writes would fill the socket's buffer
     * before the daemon reads, and closes its side after the last write, so a request without a
     * line feed still ends. The daemon may stop reading at the line feed: closing its side then
     * ends whatever the client still had to write.
     */
    private Request received(byte[] sent, FuzzedDataProvider data) throws IOException, InterruptedException {
        Thread writer;
        Request request;
        try (SocketChannel client = SocketChannel.open(address); SocketChannel server = listener.accept()) {
            writer = Thread.startVirtualThread(() -> write(client, sent, data));
            request = Request.read(server);
        }
        writer.join();
        return request;
    }

    private static void write(SocketChannel client, byte[] sent, FuzzedDataProvider data) {
        try {
            for (int offset = 0; offset < sent.length; ) {
                int size = data.consumeInt(1, sent.length - offset);
                client.write(ByteBuffer.wrap(sent, offset, size));
                offset += size;
            }
            client.shutdownOutput();
        } catch (IOException e) {
            // the daemon's side was closed after it had read its line
        }
    }
}
