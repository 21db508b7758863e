package org.sockd.common.frozen;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The frame around the body of a frozen (compiled) rules file. Unlike the C daemon's memory dump it
 * is portable, versioned and checksummed:
 * <pre>
 *   8 bytes  magic, e.g. "SOCKD-FC"
 *   u16      format version
 *   u32      length of the body
 *   u32      CRC-32C of the body
 *   body     what the file's writer put there
 * </pre>
 * A file whose magic, version, length or checksum is wrong is refused whole.
 */
public final class FrozenFrame {

    public static final int MAGIC_LENGTH = 8;
    /** Where the body starts. */
    public static final int HEADER = MAGIC_LENGTH + 2 + 4 + 4;

    private final byte[] magic;
    private final int version;
    private final String kind;
    private final String contents;
    private final String makeCommand;

    /**
     * @param magic eight ASCII characters that start every file of this kind
     * @param version the only format version this code reads and writes
     * @param kind what the file is, for messages: "sockd.conf" gives "not a frozen sockd.conf"
     * @param contents what its body holds, for messages, e.g. "rules"
     * @param makeCommand the {@code bin/sockd} command that makes such a file again, e.g. "make-fc"
     */
    public FrozenFrame(String magic, int version, String kind, String contents, String makeCommand) {
        this.magic = magic.getBytes(StandardCharsets.US_ASCII);
        if (this.magic.length != MAGIC_LENGTH) {
            throw new IllegalArgumentException("a magic is " + MAGIC_LENGTH + " characters, not " + magic);
        }
        this.version = version;
        this.kind = kind;
        this.contents = contents;
        this.makeCommand = makeCommand;
    }

    public int version() {
        return version;
    }

    /** @return the whole file: the header, then the body */
    public byte[] frame(byte[] body) {
        try {
            ByteArrayOutputStream file = new ByteArrayOutputStream(HEADER + body.length);
            DataOutputStream out = new DataOutputStream(file);
            out.write(magic);
            out.writeShort(version);
            out.writeInt(body.length);
            out.writeInt(checksum(body, 0, body.length));
            out.write(body);
            return file.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array cannot fail
        }
    }

    /** @return whether the bytes start like a frozen file of this kind, whatever its version */
    public boolean looksFrozen(byte[] start) {
        return start.length >= MAGIC_LENGTH && Arrays.equals(start, 0, MAGIC_LENGTH, magic, 0, MAGIC_LENGTH);
    }

    /** @return whether the file starts with this kind's magic (an unreadable file is not frozen) */
    public boolean isFrozen(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return looksFrozen(in.readNBytes(MAGIC_LENGTH));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Checks magic, version, length and checksum, in that order.
     *
     * @return the body, to be decoded by the file's reader
     * @throws FrozenException saying what is wrong, and for another version how to make the file again
     */
    public DataInputStream body(byte[] bytes) throws FrozenException {
        if (!looksFrozen(bytes)) {
            throw new FrozenException("not a frozen " + kind + " (no " + new String(magic, StandardCharsets.US_ASCII)
                    + " header)");
        }
        if (bytes.length < HEADER) {
            throw new FrozenException("truncated header");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, MAGIC_LENGTH, HEADER - MAGIC_LENGTH);
        int found = Short.toUnsignedInt(header.getShort());
        if (found != version) {
            throw new FrozenException("format version " + found + ", this sockd reads version " + version
                    + "; make it again from the text file with bin/sockd " + makeCommand);
        }
        int length = header.getInt();
        int checksum = header.getInt();
        if (length < 0 || length != bytes.length - HEADER) {
            throw new FrozenException("the file holds " + (bytes.length - HEADER) + " bytes of " + contents
                    + ", its header says " + Integer.toUnsignedString(length) + " (truncated or damaged)");
        }
        if (checksum(bytes, HEADER, length) != checksum) {
            throw new FrozenException("checksum mismatch (the file is damaged)");
        }
        return new DataInputStream(new ByteArrayInputStream(bytes, HEADER, length));
    }

    /** The CRC-32C the header holds for a body. */
    public static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** Reads a count of entries; it can never exceed the bytes left, so a damaged one must not make us allocate. */
    public static int count(DataInputStream in) throws IOException, FrozenException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new FrozenException("impossible entry count " + count);
        }
        return count;
    }
}
