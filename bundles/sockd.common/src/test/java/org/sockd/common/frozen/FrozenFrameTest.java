package org.sockd.common.frozen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrozenFrameTest {

    private static final FrozenFrame FRAME = new FrozenFrame("SOCKD-FT", 3, "test file", "entries", "make-ft");
    private static final byte[] BODY = "some body".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void theHeaderHoldsMagicVersionLengthAndChecksumOfTheBody() {
        ByteBuffer file = ByteBuffer.wrap(FRAME.frame(BODY));
        byte[] magic = new byte[8];
        file.get(magic);
        assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("SOCKD-FT");
        assertThat(file.getShort()).isEqualTo((short) 3);
        assertThat(file.getInt()).isEqualTo(BODY.length);
        assertThat(file.getInt()).isEqualTo(FrozenFrame.checksum(BODY, 0, BODY.length));
        assertThat(file.position()).isEqualTo(FrozenFrame.HEADER);
        assertThat(Arrays.copyOfRange(file.array(), FrozenFrame.HEADER, file.limit())).isEqualTo(BODY);
    }

    @Test
    void theBodyOfAGoodFileReadsBack() throws Exception {
        assertThat(FRAME.body(FRAME.frame(BODY)).readAllBytes()).isEqualTo(BODY);
    }

    @Test
    void theChecksumIsCrc32c() {
        // The check value of CRC-32C (RFC 3720 B.4) over "123456789".
        assertThat(FrozenFrame.checksum("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9)).isEqualTo(0xe3069283);
    }

    @Test
    void anotherKindOrATextIsNotFrozen() throws IOException {
        assertThat(refusal("SOCKD-FC\0\1".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("not a frozen test file (no SOCKD-FT header)");
        assertThat(FRAME.looksFrozen("SOCKD-F".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(FRAME.isFrozen(Files.write(dir.resolve("frozen"), FRAME.frame(BODY)))).isTrue();
        assertThat(FRAME.isFrozen(Files.writeString(dir.resolve("text"), "permit 0.0.0.0 0.0.0.0\n"))).isFalse();
        assertThat(FRAME.isFrozen(dir.resolve("missing"))).isFalse();
    }

    @Test
    void aDamagedFrameIsRefusedWithAReason() {
        byte[] good = FRAME.frame(BODY);
        assertThat(refusal(Arrays.copyOf(good, 12))).isEqualTo("truncated header");

        byte[] otherVersion = good.clone();
        otherVersion[9] = 4;
        assertThat(refusal(otherVersion)).isEqualTo(
                "format version 4, this sockd reads version 3; make it again from the text file with bin/sockd make-ft");

        assertThat(refusal(Arrays.copyOf(good, good.length - 1)))
                .isEqualTo("the file holds 8 bytes of entries, its header says 9 (truncated or damaged)");
        assertThat(refusal(Arrays.copyOf(good, good.length + 1)))
                .isEqualTo("the file holds 10 bytes of entries, its header says 9 (truncated or damaged)");

        byte[] flipped = good.clone();
        flipped[good.length - 1] ^= 1;
        assertThat(refusal(flipped)).isEqualTo("checksum mismatch (the file is damaged)");
    }

    @Test
    void aCountLargerThanTheBytesLeftIsRefusedBeforeAnythingIsAllocated() throws Exception {
        assertThat(FrozenFrame.count(counts(2, 0, 0))).isEqualTo(2);
        assertThatThrownBy(() -> FrozenFrame.count(counts(Integer.MAX_VALUE))).isInstanceOf(FrozenException.class)
                .hasMessage("impossible entry count 2147483647");
        assertThatThrownBy(() -> FrozenFrame.count(counts(-1))).hasMessage("impossible entry count -1");
    }

    @Test
    void aMagicIsEightCharacters() {
        assertThatThrownBy(() -> new FrozenFrame("SOCKD", 1, "x", "x", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String refusal(byte[] bytes) {
        try {
            FRAME.body(bytes);
        } catch (FrozenException e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused");
    }

    private static DataInputStream counts(int... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (int value : values) {
            out.writeInt(value);
        }
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
