package org.sockd.access.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.common.frozen.FrozenFrame;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.LoadResult;

/** A damaged, truncated or foreign frozen file is refused whole, with a reason that says why. */
class FrozenCorruptionTest {

    private static final byte[] GOOD = FrozenWriter.write(((LoadResult.Valid<RuleSet>) new ConfParser(
            Services.parse(List.of()), message -> { }).parse("sockd.conf", """
            deny *=bonnie 10.0.0.0 255.0.0.0 : echo %u
            permit ?=I .example.com 0.0.0.0 ALL 0.0.0.0 ge 1024
            #BAD_ID: echo bad
            """)).content());

    static Stream<Arguments> damage() {
        return Stream.of(
                Arguments.of("not frozen at all", (UnaryOperator<byte[]>) bytes -> "permit 0.0.0.0 0.0.0.0\n".getBytes(),
                        "not a frozen sockd.conf"),
                Arguments.of("another format version", (UnaryOperator<byte[]>) bytes -> with(bytes, 8, (byte) 0, (byte) 2),
                        "format version 2, this sockd reads version 1; make it again"),
                Arguments.of("truncated", (UnaryOperator<byte[]>) bytes -> Arrays.copyOf(bytes, bytes.length - 5),
                        "(truncated or damaged)"),
                Arguments.of("cut inside the header", (UnaryOperator<byte[]>) bytes -> Arrays.copyOf(bytes, 12),
                        "truncated header"),
                Arguments.of("one byte flipped", (UnaryOperator<byte[]>) bytes -> flip(bytes, bytes.length - 3),
                        "checksum mismatch"),
                Arguments.of("garbage appended", (UnaryOperator<byte[]>) bytes -> Arrays.copyOf(bytes, bytes.length + 1),
                        "(truncated or damaged)"),
                Arguments.of("a damaged count with a matching checksum", (UnaryOperator<byte[]>) FrozenCorruptionTest::hugeCount,
                        "impossible entry count"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damage")
    void isRefusedWhole(String name, UnaryOperator<byte[]> damage, String reason) {
        LoadResult<RuleSet> result = new FrozenReader(ConfParser.userFiles(message -> { })).read("sockd.fc", damage.apply(GOOD.clone()));
        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        assertThat(((LoadResult.Invalid<RuleSet>) result).errors()).singleElement().satisfies(error -> {
            assertThat(error.source()).isEqualTo("sockd.fc");
            assertThat(error.reason()).startsWith("frozen file refused: ").contains(reason);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damage")
    void neverThrows(String name, UnaryOperator<byte[]> damage, String reason) {
        byte[] damaged = damage.apply(GOOD.clone());
        for (int cut = 0; cut <= damaged.length; cut++) {
            new FrozenReader(ConfParser.userFiles(message -> { })).read("sockd.fc", Arrays.copyOf(damaged, cut));
        }
    }

    private static byte[] with(byte[] bytes, int at, byte... values) {
        System.arraycopy(values, 0, bytes, at, values.length);
        return bytes;
    }

    private static byte[] flip(byte[] bytes, int at) {
        bytes[at] ^= 0x55;
        return bytes;
    }

    /** Rewrites the rule count to a huge value and fixes the checksum, as a malicious file would. */
    private static byte[] hugeCount(byte[] bytes) {
        ByteBuffer body = ByteBuffer.wrap(bytes, FrozenFrame.HEADER, bytes.length - FrozenFrame.HEADER);
        int sourceLength = Short.toUnsignedInt(body.getShort(FrozenFrame.HEADER));
        body.putInt(FrozenFrame.HEADER + 2 + sourceLength, Integer.MAX_VALUE);
        ByteBuffer.wrap(bytes).putInt(FrozenFrame.MAGIC_LENGTH + 2 + 4,
                FrozenFrame.checksum(bytes, FrozenFrame.HEADER, bytes.length - FrozenFrame.HEADER));
        return bytes;
    }
}
