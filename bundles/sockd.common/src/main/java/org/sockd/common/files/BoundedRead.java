package org.sockd.common.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a configuration file whole, but only a regular file of bounded size: a FIFO named by
 * mistake would block the load (and with it a reload) until someone writes to it, and a device
 * such as {@code /dev/zero} would fill the heap.
 */
public final class BoundedRead {

    private BoundedRead() {
    }

    /**
     * @param maxBytes the largest file accepted
     * @throws IOException when the file cannot be read, is not a regular file or is larger than {@code maxBytes}
     */
    public static byte[] regularFile(Path file, int maxBytes) throws IOException {
        // checked before opening: opening a FIFO for reading blocks until a writer comes
        if (!Files.isRegularFile(file) && Files.exists(file)) {
            throw new IOException("not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(maxBytes + 1);
            if (content.length > maxBytes) {
                throw new IOException("larger than " + maxBytes + " bytes");
            }
            return content;
        }
    }
}
