package org.sockd.admin.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** What a client asked for, as the admin protocol ({@link Wire}) reads it. */
sealed interface Request {

    /** @param text the command line, without its line end */
    record Line(String text) implements Request {
    }

    /** @param reason why there is no command line to run, for the client */
    record Unusable(String reason) implements Request {
    }

    /** Reads up to the line feed, or to the end of the client's stream; never more than the cap. */
    static Request read(SocketChannel client) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Wire.MAX_REQUEST_BYTES + 1);
        int end = -1;
        int size = -1; // of the request with its line feed
        while (size < 0 && buffer.hasRemaining()) {
            int before = buffer.position();
            if (client.read(buffer) < 0) {
                end = buffer.position();
                size = end;
            }
            for (int i = before; size < 0 && i < buffer.position(); i++) {
                if (buffer.get(i) == '\n') {
                    end = i;
                    size = i + 1;
                }
            }
        }
        if (size < 0 || size > Wire.MAX_REQUEST_BYTES) {
            return new Unusable("the command line is longer than " + Wire.MAX_REQUEST_BYTES + " bytes");
        }
        String line;
        try {
            line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer.flip().limit(end)).toString();
        } catch (CharacterCodingException e) {
            return new Unusable("the command line is not UTF-8");
        }
        line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        return line.isBlank() ? new Unusable("no command line was sent; for example: status") : new Line(line);
    }
}
