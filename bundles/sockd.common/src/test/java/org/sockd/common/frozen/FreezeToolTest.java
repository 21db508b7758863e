package org.sockd.common.frozen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Captured;

/** The tool around a made-up kind of rules file: a word a line, where a line "bad" is an error. */
class FreezeToolTest {

    private static final String USAGE = "usage: sockd make-fw | dump-fw\n";
    private static final FrozenFrame FRAME = new FrozenFrame("SOCKD-FW", 1, "word file", "words", "make-fw");

    @TempDir
    Path dir;

    private final Captured out = new Captured();
    private final Captured err = new Captured();

    @Test
    void makeWithDefaultsFreezesTheDefaultTextBesideItAndDumpPrintsItBack() throws IOException {
        Path text = Files.writeString(dir.resolve("words.txt"), "alpha\nbeta\n");

        assertThat(run("make-fw")).isZero();
        assertThat(out.text()).isEqualTo("froze 2 words from " + text + " into " + dir.resolve("words.fw") + "\n");
        assertThat(Files.readAllBytes(dir.resolve("words.fw"))).startsWith("SOCKD-FW".getBytes(StandardCharsets.US_ASCII));

        out.reset();
        assertThat(run("dump-fw")).isZero();
        assertThat(out.text()).isEqualTo("# " + dir.resolve("words.fw") + " from " + text + "\nalpha\nbeta\n");
        assertThat(err.text()).isEmpty();
    }

    @Test
    void namedFilesAreUsedAndNoTemporaryFileIsLeft() throws IOException {
        Path text = Files.writeString(dir.resolve("in"), "gamma\n");
        Path frozen = dir.resolve("sub").resolve("out.fw");
        Files.createDirectory(frozen.getParent());

        assertThat(run("make-fw", text.toString(), frozen.toString())).isZero();
        assertThat(run("dump-fw", frozen.toString())).isZero();
        assertThat(out.text()).endsWith("gamma\n");
        try (var files = Files.list(frozen.getParent())) {
            assertThat(files).containsExactly(frozen);
        }
    }

    @Test
    void theFrozenFileIsAsReadableAsItsText() throws IOException {
        Path text = Files.writeString(dir.resolve("words.txt"), "alpha\n");
        Files.setPosixFilePermissions(text, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(run("make-fw")).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("words.fw"))))
                .isEqualTo("rw-r-----");
    }

    @Test
    void aTextWithErrorsIsNotFrozenAndEveryErrorIsPrinted() throws IOException {
        Path text = Files.writeString(dir.resolve("words.txt"), "bad\nalpha\nbad\n");

        assertThat(run("make-fw")).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("words.fw"))).isFalse();
        assertThat(err.text()).isEqualTo(text + ":1: bad word\n" + text + ":3: bad word\n"
                + "sockd make-fw: " + text + " has 2 error(s); " + dir.resolve("words.fw") + " not written\n");
    }

    @Test
    void aTargetThatCannotBeWrittenFails() throws IOException {
        Files.writeString(dir.resolve("words.txt"), "alpha\n");
        Path target = dir.resolve("no-such-dir").resolve("words.fw");
        assertThat(run("make-fw", dir.resolve("words.txt").toString(), target.toString())).isEqualTo(1);
        assertThat(err.text()).startsWith("sockd make-fw: cannot write " + target + ": ");
    }

    @Test
    void theFrozenFileMayNotOverwriteItsSource() throws IOException {
        Path text = Files.writeString(dir.resolve("x.fw"), "alpha\n");
        assertThat(run("make-fw", text.toString())).isEqualTo(2);
        assertThat(run("make-fw", text.toString(), dir.resolve(".").resolve("x.fw").toString())).isEqualTo(2);
        assertThat(err.text()).isEqualTo(("sockd make-fw: the frozen file would overwrite " + text + "\n").repeat(2));
        assertThat(Files.readString(text)).isEqualTo("alpha\n");
    }

    @Test
    void dumpOfAMissingOrForeignFileFails() throws IOException {
        assertThat(run("dump-fw", dir.resolve("none.fw").toString())).isEqualTo(1);
        assertThat(err.text()).isEqualTo("sockd dump-fw: Cannot open " + dir.resolve("none.fw") + "\n");

        err.reset();
        Path text = Files.writeString(dir.resolve("words.txt"), "alpha\n");
        assertThat(run("dump-fw", text.toString())).isEqualTo(1);
        assertThat(err.text()).isEqualTo(text + ": not a frozen word file (no SOCKD-FW header)\n");
    }

    @Test
    void wrongArgumentsPrintTheUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("make-fw", "a", "b", "c")).isEqualTo(2);
        assertThat(run("dump-fw", "a", "b")).isEqualTo(2);
        assertThat(run("make-fc")).isEqualTo(2);
        assertThat(err.text()).isEqualTo(USAGE.repeat(4));
        assertThat(out.text()).isEmpty();
    }

    @Test
    void anOutcomeMapsItsContentAndKeepsItsErrors() {
        assertThat(new FreezeTool.Outcome.Valid<>(1).map(n -> n + 1)).isEqualTo(new FreezeTool.Outcome.Valid<>(2));
        assertThat(new FreezeTool.Outcome.Invalid<Integer>(List.of("f:1: bad")).map(n -> n + 1))
                .isEqualTo(new FreezeTool.Outcome.Invalid<>(List.of("f:1: bad")));
        assertThatThrownBy(() -> new FreezeTool.Outcome.Invalid<>(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private int run(String... args) {
        return new FreezeTool("fw", FreezeToolTest::frozenName, USAGE, FreezeToolTest::freeze, FreezeToolTest::dump)
                .run(List.of(args), dir.resolve("words.txt"), out.stream(), err.stream());
    }

    private static Path frozenName(Path text) {
        String name = text.getFileName().toString();
        return text.resolveSibling(name.endsWith(".fw") ? name : name.replaceFirst("\\.txt$", "") + ".fw");
    }

    /** The frozen body: the text file's name, the number of words, the words. */
    private static FreezeTool.Outcome<FreezeTool.Frozen> freeze(Path text) {
        List<String> words = lines(text);
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equals("bad")) {
                errors.add(text + ":" + (i + 1) + ": bad word");
            }
        }
        if (!errors.isEmpty()) {
            return new FreezeTool.Outcome.Invalid<>(errors);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(body)) {
            out.writeUTF(text.toString());
            out.writeInt(words.size());
            for (String word : words) {
                out.writeUTF(word);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FreezeTool.Outcome.Valid<>(new FreezeTool.Frozen(FRAME.frame(body.toByteArray()), text.toString(),
                words.size() + " words"));
    }

    private static FreezeTool.Outcome<String> dump(Path file) {
        try {
            DataInputStream in = FRAME.body(Files.readAllBytes(file));
            StringBuilder text = new StringBuilder("# ").append(file).append(" from ").append(in.readUTF()).append('\n');
            int count = FrozenFrame.count(in);
            for (int i = 0; i < count; i++) {
                text.append(in.readUTF()).append('\n');
            }
            return new FreezeTool.Outcome.Valid<>(text.toString());
        } catch (FrozenException e) {
            return new FreezeTool.Outcome.Invalid<>(List.of(file + ": " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path text) {
        try {
            return Files.readAllLines(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
