package org.sockd.route.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.route.internal.Tables.parsed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockd.common.frozen.FrozenFrame;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.LoadResult;

/** A damaged or foreign frozen file is refused whole, with a reason naming the file. */
class FrozenCorruptionTest {

    private static final byte[] GOOD = FrozenRouteWriter.write(parsed("""
            129.10.1.2 10.0.0.0 255.0.0.0
            128.23.16.2 .example.com 0.0.0.0
            fd00::2 :: ::
            """));

    @Test
    void theGoodFileReads() {
        assertThat(FrozenRouteReader.read("x.fr", GOOD)).isInstanceOf(LoadResult.Valid.class);
    }

    @Test
    void aFlippedByteFailsTheChecksum() {
        byte[] bad = GOOD.clone();
        bad[bad.length - 3] ^= 1;
        assertThat(reason(bad)).isEqualTo("frozen file refused: checksum mismatch (the file is damaged)");
    }

    @Test
    void aTruncatedFileIsRefused() {
        assertThat(reason(Arrays.copyOf(GOOD, GOOD.length - 1))).startsWith("frozen file refused: the file holds");
        assertThat(reason(Arrays.copyOf(GOOD, 10))).isEqualTo("frozen file refused: truncated header");
    }

    @Test
    void anotherVersionIsRefusedWithAHint() {
        byte[] bad = GOOD.clone();
        bad[FrozenFrame.MAGIC_LENGTH + 1] = 9;
        assertThat(reason(bad)).isEqualTo("frozen file refused: format version 9, this sockd reads version 1;"
                + " make it again from the text file with bin/sockd make-fr");
    }

    @Test
    void aTextFileOrAFrozenSockdConfIsNoFrozenRouteFile() {
        assertThat(reason("129.10.1.2 10.0.0.0 255.0.0.0\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("frozen file refused: not a frozen route file (no SOCKD-FR header)");
        assertThat(reason("SOCKD-FC\0\1".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("frozen file refused: not a frozen route file (no SOCKD-FR header)");
    }

    /** A body with a valid checksum that the writer can never have produced is refused all the same. */
    @Test
    void aWellFramedBodyWithAnImpossibleEntryIsRefused() {
        ByteBuffer body = ByteBuffer.allocate(64);
        body.putShort((short) 1).put((byte) 'r'); // writeUTF of "r"
        body.putInt(1).putInt(1); // one entry, line 1
        body.put((byte) 4).put(new byte[] {0, 0, 0, 0}); // interface 0.0.0.0
        body.put((byte) FrozenRouteFormat.NETWORK).put((byte) 4).put(new byte[4]).put((byte) 4).put(new byte[4]);
        assertThat(reason(framed(Arrays.copyOf(body.array(), body.position())))).isEqualTo(
                "frozen file refused: line 1 of r: Invalid interface address \"0.0.0.0\""
                        + " (a wildcard or multicast address is no interface of this host)");
    }

    @Test
    void anImpossibleCountDoesNotAllocate() {
        ByteBuffer body = ByteBuffer.allocate(7);
        body.putShort((short) 1).put((byte) 'r').putInt(Integer.MAX_VALUE);
        assertThat(reason(framed(body.array()))).isEqualTo("frozen file refused: impossible entry count 2147483647");
    }

    private static byte[] framed(byte[] body) {
        return ByteBuffer.allocate(FrozenFrame.HEADER + body.length).put("SOCKD-FR".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) FrozenRouteFormat.VERSION).putInt(body.length)
                .putInt(FrozenFrame.checksum(body, 0, body.length)).put(body).array();
    }

    private static String reason(byte[] bytes) {
        LoadResult<RouteTable> result = FrozenRouteReader.read("x.fr", bytes);
        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        List<FileError> errors = ((LoadResult.Invalid<RouteTable>) result).errors();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).source()).isEqualTo("x.fr");
        return errors.get(0).reason();
    }
}
