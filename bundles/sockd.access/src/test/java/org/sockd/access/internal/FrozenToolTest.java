package org.sockd.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Captured;

/** bin/sockd make-fc and dump-fc: defaults, exit codes, messages, and no file from a bad text. */
class FrozenToolTest {

    @TempDir
    Path dir;

    private final Captured out = new Captured();
    private final Captured err = new Captured();

    @Test
    void makeWithDefaultsFreezesConfigSockdConfIntoSockdFcAndDumpReadsItBack() throws Exception {
        Path text = dir.resolve("sockd.conf");
        Files.writeString(text, "permit 127.0.0.0 255.0.0.0 lt 1024\n#NO_IDENTD: echo none\n");

        assertThat(run("make-fc")).isZero();
        assertThat(Files.exists(dir.resolve("sockd.fc"))).isTrue();
        assertThat(out.text()).contains("froze 1 rules from");

        out.reset();
        assertThat(run("dump-fc")).isZero();
        assertThat(out.text().lines().toList()).contains(
                "permit 127.0.0.0 255.0.0.0 0.0.0.0 0.0.0.0 lt 1024", "#NO_IDENTD: echo none");
    }

    @Test
    void aTextWithErrorsIsNotFrozen() throws Exception {
        Path text = dir.resolve("bad.conf");
        Files.writeString(text, "permit 127.0.0.0 255.0.0.0\npermit 10.0.0.0 255.0.0.0 eqq 23\n");

        assertThat(run("make-fc", text.toString(), dir.resolve("bad.fc").toString())).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("bad.fc"))).isFalse();
        assertThat(err.text()).contains("bad.conf:2:", "not written");
    }

    @Test
    void dumpOfAMissingOrForeignFileFails() throws Exception {
        assertThat(run("dump-fc", dir.resolve("none.fc").toString())).isEqualTo(1);
        assertThat(err.text()).contains("Cannot open");
    }

    @Test
    void wrongArgumentsPrintTheUsage() {
        assertThat(run("make-fc", "a", "b", "c")).isEqualTo(2);
        assertThat(run("dump-fc", "a", "b")).isEqualTo(2);
        assertThat(err.text()).contains("usage: sockd make-fc");
    }

    @Test
    void theFrozenFileMayNotOverwriteItsSource() throws Exception {
        Path text = dir.resolve("x.conf");
        Files.writeString(text, "permit 127.0.0.0 255.0.0.0\n");
        assertThat(run("make-fc", text.toString(), text.toString())).isEqualTo(2);
        assertThat(Files.readString(text)).startsWith("permit");
    }

    private int run(String... args) {
        return FrozenTool.run(List.of(args), dir.resolve("sockd.conf"), out.stream(), err.stream());
    }
}
