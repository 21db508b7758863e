package org.sockd.access.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.access.internal.rule.Action;
import org.sockd.access.internal.rule.NamePattern;
import org.sockd.access.internal.rule.Rule;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.access.internal.rule.SpecialCommand;
import org.sockd.common.frozen.FrozenFrame;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.LoadResult;
import org.sockd.common.rules.PercentCode;

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
                Arguments.of("a later format version", (UnaryOperator<byte[]>) bytes -> with(bytes, 8, (byte) 0, (byte) 3),
                        "format version 3, this sockd reads version 2; make it again"),
                Arguments.of("the format before IPv6 prefixes", (UnaryOperator<byte[]>) bytes -> with(bytes, 8, (byte) 0,
                        (byte) 1), "format version 1, this sockd reads version 2; make it again"),
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
        LoadResult<RuleSet> result = reader().read("sockd.fc", damage.apply(GOOD.clone()));
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
            reader().read("sockd.fc", Arrays.copyOf(damaged, cut));
        }
    }

    /** A file frozen before the text parser checked {@code %} codes may hold an unknown one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownCodes")
    void anUnknownPercentCodeIsRefusedWithItsLine(String name, RuleSet frozen, String reason) {
        LoadResult<RuleSet> result = reader()
                .read("sockd.fc", FrozenWriter.write(frozen));
        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        assertThat(((LoadResult.Invalid<RuleSet>) result).errors()).singleElement()
                .satisfies(error -> assertThat(error.reason()).isEqualTo("frozen file refused: " + reason));
    }

    static Stream<Arguments> unknownCodes() {
        RuleSet good = ((LoadResult.Valid<RuleSet>) reader()
                .read("sockd.fc", GOOD)).content();
        Rule first = good.rules().get(0);
        Rule withUnknownCode = new Rule(first.line(), first.text(), first.action(), first.ident(), first.users(),
                first.source(), first.destination(), first.port(), Optional.of("echo %x"));
        String known = " (known: " + PercentCode.known() + ")";
        return Stream.of(
                Arguments.of("in a rule", new RuleSet("sockd.conf", List.of(withUnknownCode), good.specials()),
                        "line 1: Invalid shell command \"echo %x\": unknown code \"%x\"" + known),
                Arguments.of("in a special line", new RuleSet("sockd.conf", good.rules(),
                        List.of(new SpecialCommand(SpecialCommand.Kind.BAD_ID, 3, "echo %q"))),
                        "line 3: Invalid shell command \"echo %q\": unknown code \"%q\"" + known));
    }

    /** The fuzzer's finding: the writer takes the *= field from the text, but a hand-made file need not. */
    @Test
    void aUserFieldThatIsNotTheTextsIsRefused() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        out.writeUTF("sockd.conf");
        out.writeInt(1);
        out.writeInt(1);
        out.writeUTF("deny *=bonnie 10.0.0.0 255.0.0.0");
        out.writeByte(Action.DENY.ordinal());
        out.writeByte(0);
        out.writeUTF("*=clyde");
        out.writeByte(FrozenFormat.NUMERIC);
        out.writeInt(0x0a000000);
        out.writeInt(0xff000000);
        out.writeByte(FrozenFormat.NUMERIC);
        out.writeInt(0);
        out.writeInt(0);
        out.writeByte(0);
        out.writeUTF("");
        out.writeInt(0);
        LoadResult<RuleSet> result = reader().read("sockd.fc", FrozenFormat.FRAME.frame(body.toByteArray()));
        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        assertThat(((LoadResult.Invalid<RuleSet>) result).errors()).singleElement().satisfies(error -> assertThat(
                error.reason()).isEqualTo("frozen file refused: line 1: the user field *=clyde is not the one the rule's"
                        + " text names (deny *=bonnie 10.0.0.0 255.0.0.0); make the frozen file again with bin/sockd make-fc"));
    }

    /** What dump-fc prints must read back as the same rules: nothing the text parser could not have made. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unwritable")
    void whatNoTextCouldHoldIsRefused(String name, RuleSet frozen, String reason) {
        LoadResult<RuleSet> result = reader().read("sockd.fc", FrozenWriter.write(frozen));
        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        assertThat(((LoadResult.Invalid<RuleSet>) result).errors()).singleElement()
                .satisfies(error -> assertThat(error.reason()).isEqualTo("frozen file refused: " + reason));
    }

    static Stream<Arguments> unwritable() {
        RuleSet good = ((LoadResult.Valid<RuleSet>) reader().read("sockd.fc", GOOD)).content();
        Rule first = good.rules().get(0);
        Rule second = good.rules().get(1);
        return Stream.of(
                Arguments.of("a line break in the source's name", new RuleSet("sockd.conf\npermit 0.0.0.0 0.0.0.0",
                        good.rules(), good.specials()),
                        "the name of the text file: a line break inside \"sockd.conf\\x0apermit 0.0.0.0 0.0.0.0\""),
                Arguments.of("a line break in a command", new RuleSet("sockd.conf", List.of(new Rule(first.line(),
                        first.text(), first.action(), first.ident(), first.users(), first.source(), first.destination(),
                        first.port(), Optional.of("echo\rpermit"))), List.of()),
                        "line 1: a line break inside \"echo\\x0dpermit\""),
                Arguments.of("blanks after a special command", new RuleSet("sockd.conf", List.of(),
                        List.of(new SpecialCommand(SpecialCommand.Kind.BAD_ID, 3, "echo bad "))),
                        "line 3: blanks around the command \"echo bad \""),
                Arguments.of("a host name with a blank", new RuleSet("sockd.conf", List.of(new Rule(second.line(),
                        second.text(), second.action(), second.ident(), second.users(), new NamePattern.Host("a b"),
                        second.destination(), second.port(), second.command())), List.of()),
                        "impossible host name \"a b\""),
                Arguments.of("a host name the text would read as an address", new RuleSet("sockd.conf", List.of(
                        new Rule(second.line(), second.text(), second.action(), second.ident(), second.users(),
                                new NamePattern.Host("10"), second.destination(), second.port(), second.command())),
                        List.of()), "impossible host name \"10\""));
    }

    private static FrozenReader reader() {
        return new FrozenReader(ConfParser.userFiles(message -> { }));
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
