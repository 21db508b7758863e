package org.sockd.route.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Captured;

/** bin/sockd make-fr and dump-fr: defaults, exit codes, messages, and no file from a bad text. */
class RouteFrozenToolTest {

    @TempDir
    Path dir;

    private final Captured out = new Captured();
    private final Captured err = new Captured();

    @Test
    void makeWithDefaultsFreezesSockdRouteIntoSockdFrAndDumpReadsItBack() throws Exception {
        Files.writeString(dir.resolve("sockd.route"), """
                127.0.0.2   10.0.0.0  255.0.0.0   # inside
                127.0.0.3   .example.com 0.0.0.0
                ::1         2001:db8:0::  ffff:ffff::
                127.0.0.4   0.0.0.0   0.0.0.0
                """);

        assertThat(run("make-fr")).isZero();
        assertThat(Files.exists(dir.resolve("sockd.fr"))).isTrue();
        assertThat(out.text()).isEqualTo("froze 4 routes from " + dir.resolve("sockd.route") + " into " + dir.resolve("sockd.fr") + "\n");

        out.reset();
        assertThat(run("dump-fr")).isZero();
        assertThat(out.text().lines().toList()).containsExactly(
                "# " + dir.resolve("sockd.fr") + ": frozen sockd.route, format version 1",
                "# made from " + dir.resolve("sockd.route") + ", 4 routes; masks compare their 1-bits",
                "127.0.0.2 10.0.0.0 255.0.0.0",
                "127.0.0.3 .example.com 0.0.0.0",
                "::1 2001:db8:: ffff:ffff::",
                "127.0.0.4 0.0.0.0 0.0.0.0");
    }

    @Test
    void dumpThenMakeRoundTrips() throws Exception {
        Files.writeString(dir.resolve("sockd.route"), "127.0.0.2 10.0.0.0 255.0.0.0\n::1 fd00:: ffff::\n");
        assertThat(run("make-fr")).isZero();
        out.reset();
        assertThat(run("dump-fr")).isZero();
        String first = out.text().substring(out.text().indexOf("127.0.0.2"));
        Files.writeString(dir.resolve("dumped.route"), out.text());

        out.reset();
        assertThat(run("make-fr", dir.resolve("dumped.route").toString(), dir.resolve("again.fr").toString())).isZero();
        out.reset();
        assertThat(run("dump-fr", dir.resolve("again.fr").toString())).isZero();
        assertThat(out.text().substring(out.text().indexOf("127.0.0.2"))).isEqualTo(first);
    }

    @Test
    void aTextWithErrorsIsNotFrozen() throws Exception {
        Path text = Files.writeString(dir.resolve("bad.route"), "127.0.0.2 10.0.0.0 255.0.0.0\n127.0.0.2 10.0.0.0\n");

        assertThat(run("make-fr", text.toString(), dir.resolve("bad.fr").toString())).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("bad.fr"))).isFalse();
        assertThat(err.text()).contains(text + ":2: Invalid entry", "1 error(s); " + dir.resolve("bad.fr") + " not written");
    }

    /** 203.0.113.0/24 is TEST-NET-3: documentation only, never an address of a real interface. */
    @Test
    void aTextNamingAnInterfaceThisHostDoesNotHaveIsNotFrozen() throws Exception {
        Path text = Files.writeString(dir.resolve("sockd.route"), "203.0.113.9 0.0.0.0 0.0.0.0\n");
        assertThat(run("make-fr")).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("sockd.fr"))).isFalse();
        assertThat(err.text()).contains(text + ":1: interface address 203.0.113.9 is not an address of this host");
    }

    @Test
    void dumpOfAMissingOrTextFileFails() throws Exception {
        assertThat(run("dump-fr", dir.resolve("none.fr").toString())).isEqualTo(1);
        assertThat(err.text()).contains("sockd dump-fr: Cannot open " + dir.resolve("none.fr"));

        Path text = Files.writeString(dir.resolve("sockd.route"), "127.0.0.2 0.0.0.0 0.0.0.0\n");
        assertThat(run("dump-fr", text.toString())).isEqualTo(1);
        assertThat(err.text()).contains(text + ": frozen file refused: not a frozen route file (no SOCKD-FR header)");
    }

    @Test
    void wrongArgumentsPrintTheUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("make-fr", "a", "b", "c")).isEqualTo(2);
        assertThat(run("dump-fr", "a", "b")).isEqualTo(2);
        assertThat(run("freeze")).isEqualTo(2);
        assertThat(err.text()).contains("usage: sockd make-fr");
    }

    @Test
    void theFrozenFileMayNotOverwriteItsSource() throws Exception {
        Path text = Files.writeString(dir.resolve("x.route"), "127.0.0.2 0.0.0.0 0.0.0.0\n");
        assertThat(run("make-fr", text.toString(), text.toString())).isEqualTo(2);
        assertThat(Files.readString(text)).startsWith("127.0.0.2");
    }

    private int run(String... args) {
        return RouteFrozenTool.run(List.of(args), dir.resolve("sockd.route"), out.stream(), err.stream());
    }
}
