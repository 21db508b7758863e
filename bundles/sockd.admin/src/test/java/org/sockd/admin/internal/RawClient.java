package org.sockd.admin.internal;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Speaks the admin protocol byte by byte, to see exactly what the server sends. */
final class RawClient {

    private RawClient() {
    }

    /** @return every line the server sent until it closed */
    static List<String> exchange(Path socket, String request) throws IOException {
        return exchange(socket, request.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> exchange(Path socket, byte[] request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ByteBuffer bytes = ByteBuffer.wrap(request);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
