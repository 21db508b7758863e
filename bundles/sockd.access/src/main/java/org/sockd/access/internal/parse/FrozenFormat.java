package org.sockd.access.internal.parse;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The frozen (compiled) form of a sockd.conf, classic {@code sockd.fc}. Unlike the C daemon's
 * memory dump it is portable, versioned and checksummed:
 * <pre>
 *   8 bytes  magic "SOCKD-FC"
 *   u16      format version
 *   u32      length of the body
 *   u32      CRC-32C of the body
 *   body     the parsed rules (see {@link FrozenWriter})
 * </pre>
 * A file whose magic, version, length or checksum is wrong is refused whole.
 */
final class FrozenFormat {

    static final byte[] MAGIC = "SOCKD-FC".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER = MAGIC.length + 2 + 4 + 4;
    /** A body this large would be a million rules: anything bigger is damage, not configuration. */
    static final int MAX_BODY = 256 * 1024 * 1024;

    // pattern kinds
    static final int NUMERIC = 0;
    static final int ALL = 1;
    static final int HOST = 2;
    static final int ZONE = 3;

    private FrozenFormat() {
    }

    static int checksum(byte[] body, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(body, offset, length);
        return (int) crc.getValue();
    }

    /** @return whether the bytes start like a frozen file, whatever its version */
    static boolean looksFrozen(byte[] start) {
        if (start.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (start[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
