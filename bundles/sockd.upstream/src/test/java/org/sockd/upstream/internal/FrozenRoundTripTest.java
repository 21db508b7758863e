package org.sockd.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.frozen.FrozenFrame;
import org.sockd.common.reload.LoadResult;

/** socks.fc: what is frozen reads back to the same table, and a damaged file is refused whole. */
class FrozenRoundTripTest {

    private static final String TEXT = """
            # a bit of everything
            upstream b socks5://127.0.0.1:11081
            upstream fw socks4://[fd00::1]:1081 user=daemon connect.timeout=3
            route.maxfail: 2
            route {
              from: 10.0.0.0/8 to: .example.org port = 443
              via: 127.0.0.1 port = 1081 proxyprotocol: socks_v5
            }
            deny *=mallory 0.0.0.0 0.0.0.0 : echo %u %Z
            sockd@b,fw,10.0.0.3 .test 0.0.0.0 ge 1024
            direct fd00:: ffff::
            direct 0.0.0.0 0.0.0.0
            """;

    @TempDir
    Path dir;

    @Test
    void aFrozenTableReadsBackLineForLine() throws IOException {
        SocksTable table = Confs.table(TEXT);
        Path frozen = Files.write(dir.resolve("socks.fc"), FrozenSocksConf.write(table));
        LoadResult<SocksTable> read = FrozenSocksConf.read(frozen, Confs.settings(), notice -> { });
        assertThat(read).isInstanceOfSatisfying(LoadResult.Valid.class, valid -> {
            SocksTable loaded = (SocksTable) valid.content();
            assertThat(loaded.canonical()).isEqualTo(table.canonical());
            assertThat(loaded.rules()).isEqualTo(table.rules());
            assertThat(loaded.upstreams()).isEqualTo(table.upstreams());
            assertThat(loaded.marking()).isEqualTo(table.marking());
            assertThat(loaded.origin()).isEqualTo(frozen + " (frozen from socks.conf)");
        });
    }

    @Test
    void theCanonicalTextParsesToTheSameTable() {
        SocksTable table = Confs.table(TEXT);
        StringBuilder text = new StringBuilder();
        int line = 1;
        for (NumberedLine numbered : table.canonical()) {
            text.append("\n".repeat(numbered.number() - line)).append(numbered.text());
            line = numbered.number();
        }
        assertThat(Confs.table(text + "\n").canonical()).isEqualTo(table.canonical());
    }

    @Test
    void damageAnywhereRefusesTheWholeFile() throws IOException {
        byte[] bytes = FrozenSocksConf.write(Confs.table(TEXT));
        for (int i = 0; i < bytes.length; i += 7) {
            byte[] damaged = bytes.clone();
            damaged[i] ^= 0x5a;
            Path file = Files.write(dir.resolve("damaged.fc"), damaged);
            assertThat(FrozenSocksConf.read(file, Confs.settings(), notice -> { })).as("byte %d", i)
                    .isInstanceOf(LoadResult.Invalid.class);
        }
        Path truncated = Files.write(dir.resolve("short.fc"), Arrays.copyOf(bytes, FrozenFrame.HEADER + 3));
        assertThat(FrozenSocksConf.read(truncated, Confs.settings(), notice -> { }))
                .isInstanceOf(LoadResult.Invalid.class);
    }

    @Test
    void makeAndDumpRoundTripThroughTheTool() throws IOException {
        Path text = Files.writeString(dir.resolve("socks.conf"), TEXT);
        Captured make = run("make-socksfc", text.toString());
        assertThat(make.status()).isZero();
        assertThat(make.out()).isEqualTo("froze 8 lines from " + text + " into " + dir.resolve("socks.fc") + "\n");

        Captured dump = run("dump-socksfc", dir.resolve("socks.fc").toString());
        assertThat(dump.status()).isZero();
        assertThat(dump.out()).contains("# made from " + text + ", 8 lines").contains("sockd @=b,fw,10.0.0.3 .test 0.0.0.0"
                + " ge 1024\n");
        Path again = Files.writeString(dir.resolve("again.conf"), dump.out());
        assertThat(run("make-socksfc", again.toString()).status()).isZero();
        assertThat(Confs.table(Files.readString(again)).rules()).extracting(rule -> rule.text())
                .isEqualTo(Confs.table(TEXT).rules().stream().map(rule -> rule.text()).toList());
    }

    @Test
    void aFileWithErrorsIsNotFrozen() throws IOException {
        Path text = Files.writeString(dir.resolve("socks.conf"), "direct 0.0.0.0\n");
        Captured make = run("make-socksfc", text.toString());
        assertThat(make.status()).isEqualTo(1);
        assertThat(make.err()).startsWith(text + ":1: Invalid entry (a line has 3 to 7 fields, found 2)\n");
        assertThat(dir.resolve("socks.fc")).doesNotExist();
        assertThat(run("frobnicate").status()).isEqualTo(2);
    }

    private record Captured(int status, String out, String err) {
    }

    private Captured run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SocksFrozenTool.run(List.of(args), dir.resolve("socks.conf"), Confs.settings(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Captured(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
