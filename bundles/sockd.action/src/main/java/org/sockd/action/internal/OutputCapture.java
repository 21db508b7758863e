package org.sockd.action.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Reads a command's output to the end so that it never blocks on a full pipe, and keeps only the
 * first bytes: a command that prints megabytes costs no memory.
 */
final class OutputCapture {

    private final byte[] head;
    private int length;
    private final Thread reader;

    private OutputCapture(InputStream output, int limit) {
        this.head = new byte[limit];
        this.reader = Thread.ofVirtual().name("sockd-action-output").start(() -> drain(output));
    }

    /** Starts reading {@code output} in the background, keeping its first {@code limit} bytes. */
    static OutputCapture start(InputStream output, int limit) {
        return new OutputCapture(output, limit);
    }

    private void drain(InputStream output) {
        byte[] buffer = new byte[8192];
        try (output) {
            for (int n; (n = output.read(buffer)) >= 0; ) {
                keep(buffer, n);
            }
        } catch (IOException e) {
            // the pipe went away: what was read so far is the output
        }
    }

    private synchronized void keep(byte[] buffer, int n) {
        int room = Math.min(n, head.length - length);
        System.arraycopy(buffer, 0, head, length, room);
        length += room;
    }

    /**
     * Waits up to {@code wait} for the end of the output (a process the command left in the
     * background may hold the pipe open) and returns the first line seen so far, bytes read as
     * ISO-8859-1 so that each shows up as itself or as one escape in the log.
     */
    String firstLine(Duration wait) {
        try {
            reader.join(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String text = new String(snapshot(), StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).stripTrailing();
    }

    private synchronized byte[] snapshot() {
        return Arrays.copyOf(head, length);
    }
}
