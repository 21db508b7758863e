package org.sockd.route.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The frozen (compiled) form of a route file, classic {@code sockd.fr}. Unlike the C daemon's
 * memory dump it is portable, versioned and checksummed:
 * <pre>
 *   8 bytes  magic "SOCKD-FR"
 *   u16      format version
 *   u32      length of the body
 *   u32      CRC-32C of the body
 *   body     the text file's name, then the entries (see {@link FrozenRouteWriter})
 * </pre>
 * A file whose magic, version, length or checksum is wrong is refused whole.
 */
final class FrozenRouteFormat {

    static final byte[] MAGIC = "SOCKD-FR".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER = MAGIC.length + 2 + 4 + 4;

    // destination kinds
    static final int NETWORK = 0;
    static final int HOST = 1;
    static final int ZONE = 2;

    private FrozenRouteFormat() {
    }

    static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** @return whether the bytes start like a frozen route file, whatever its version */
    static boolean looksFrozen(byte[] start) {
        return start.length >= MAGIC.length && Arrays.equals(start, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** @return whether the file starts with the frozen header (an unreadable file is not frozen) */
    static boolean isFrozen(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return looksFrozen(in.readNBytes(MAGIC.length));
        } catch (IOException e) {
            return false;
        }
    }
}
