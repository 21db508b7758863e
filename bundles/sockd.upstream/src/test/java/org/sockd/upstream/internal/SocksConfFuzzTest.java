package org.sockd.upstream.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.reload.LoadResult;
import org.sockd.common.testing.FuzzedFile;

/**
 * Random files never make the parser throw: every line ends up in the table or as an error naming
 * its line. {@link #randomFilesNeverThrow} makes lines from valid ones mutated word by word, or
 * words and noise at random, so that the checks deep in each kind of line are reached too, seeded
 * and bounded; the {@link FuzzTest} lets coverage guide the bytes, and checks that what loads
 * survives freezing and thawing unchanged (README "Fuzzing"; frozen files:
 * {@link FrozenSocksConfFuzzTest}).
 */
class SocksConfFuzzTest {

    private static final List<String> SEEDS = List.of(
            "deny *=mallory 10.0.0.0 255.0.0.0 eq 25 : echo %u %Z",
            "direct fd00:: ffff:: # inside",
            "sockd @=b,fw,10.0.0.3 .test 0.0.0.0 ge 1024",
            "sockd@fw ALL 0.0.0.0 neq www",
            "upstream b socks5://127.0.0.1:11081 resolve=remote connect.timeout=3",
            "upstream fw socks4a://[fd00::1]:1081 user=daemon",
            "route { from: 10.0.0.0/8 port >= 1024 to: .example.org port = 443 via: 127.0.0.1 port = 1081 }",
            "route { from: 0/0 to: fd00::/16 port 1 - 9 via: direct command: connect bind }",
            "route.maxfail: 2",
            "nameserver 10.0.0.53");
    private static final List<String> WORDS = List.of("deny", "direct", "sockd", "sockd@", "@=", "@=a,b", "@=,", "*=",
            "*=alice,/etc/none", "*=/a\u0000b", "0.0.0.0", "255.255.255.255", "010.0.0.1", "ALL", "all", ".test",
            "fd00::", "::", "eq", "lt", "80", "65536", ":", "#", "%", "%q", "upstream", "socks5://h:1", "http://h",
            "socks4://[::1", "resolve=auto", "auth=password", "password.file=/nonexistent", "password.file=/a\u0000b",
            "route", "{", "}", "from:", "to:", "via:", "0/0", "10.0.0.0/33", "port", "=", "-", "proxyprotocol:",
            "socks_v4", "http", "method:", "username", "command:", "bind", "udpassociate", "route.badexpire:", "\t");

    @TempDir
    Path dir;

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] file) {
        FuzzedFile.check(file, (name, text) -> SocksConfParser.parse(name, text, Confs.settings("fw"), notice -> { }),
                table -> assertSurvivesFreezing(dir, table));
    }

    /** Also {@link FrozenSocksConfFuzzTest}'s check of what it thaws. */
    static void assertSurvivesFreezing(Path dir, SocksTable table) {
        assertThat(readFrozenFile(dir, FrozenSocksConf.write(table))).isInstanceOfSatisfying(LoadResult.Valid.class, valid -> {
            SocksTable thawed = (SocksTable) valid.content();
            assertThat(thawed.canonical()).isEqualTo(table.canonical());
            assertThat(thawed.rules()).isEqualTo(table.rules());
            assertThat(thawed.upstreams()).isEqualTo(table.upstreams());
            assertThat(thawed.marking()).isEqualTo(table.marking());
        });
    }

    static LoadResult<SocksTable> readFrozenFile(Path dir, byte[] bytes) {
        try {
            return FrozenSocksConf.read(Files.write(dir.resolve("socks.fc"), bytes), Confs.settings("fw"), notice -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jazzer's first finding: all three fields taken by sockd, @= and *= left nothing to report on. */
    @Test
    void aSockdLineEndingAfterItsUserFieldIsAnErrorNotAnException() {
        byte[] found = HexFormat.of().parseHex("736f636b6420403d6677202a3d302e302e30636f6d6d616e643a006f636b6420403d6677202a3d302e"
                + "302e3020302e302e302a300065712038300a6469726565712038300a64697265637420ffffffffffffffff31302e302e302e30"
                + "203235352e302e302e300a");
        LoadResult<SocksTable> result = SocksConfParser.parse("socks.conf", new String(found, ISO_8859_1), Confs.settings("fw"),
                notice -> { });
        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        assertThat(((LoadResult.Invalid<SocksTable>) result).errors())
                .anySatisfy(error -> assertThat(error.reason()).isEqualTo("Invalid entry: no destination address and mask"));
    }

    @Test
    void randomFilesNeverThrow() {
        Random random = new Random(0x50C45C0FL);
        int withLines = 0;
        int invalid = 0;
        for (int round = 0; round < 4000; round++) {
            StringBuilder text = new StringBuilder();
            for (int line = 1 + random.nextInt(4); line > 0; line--) {
                text.append(line(random)).append('\n');
            }
            int physical = NumberedLine.of(text.toString()).size(); // noise may hold line breaks of its own
            LoadResult<SocksTable> result = SocksConfParser.parse("fuzz.conf", text.toString(), Confs.settings("fw"), notice -> { });
            if (result instanceof LoadResult.Invalid<SocksTable> bad) {
                invalid++;
                assertThat(bad.errors()).allSatisfy(error -> assertThat(error.line()).isBetween(1, physical));
            } else if (!((LoadResult.Valid<SocksTable>) result).content().canonical().isEmpty()) {
                withLines++;
            }
        }
        assertThat(withLines).as("files that loaded with a line in force").isGreaterThan(200);
        assertThat(invalid).as("files refused").isGreaterThan(200);
    }

    private static String line(Random random) {
        int kind = random.nextInt(10);
        if (kind < 3) {
            return SEEDS.get(random.nextInt(SEEDS.size()));
        }
        List<String> words = kind < 8 ? new ArrayList<>(Arrays.asList(SEEDS.get(random.nextInt(SEEDS.size())).split(" ")))
                : new ArrayList<>();
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            edit(words, random);
        }
        return String.join(random.nextInt(5) == 0 ? "" : " ", words);
    }

    /** One of: insert a word or a character, drop a word, replace a word. */
    private static void edit(List<String> words, Random random) {
        int at = words.isEmpty() ? 0 : random.nextInt(words.size());
        switch (random.nextInt(4)) {
            case 0 -> words.add(at, WORDS.get(random.nextInt(WORDS.size())));
            case 1 -> words.add(at, String.valueOf((char) random.nextInt(0x100)));
            case 2 -> {
                if (!words.isEmpty()) {
                    words.remove(at);
                }
            }
            default -> {
                if (!words.isEmpty()) {
                    words.set(at, WORDS.get(random.nextInt(WORDS.size())));
                }
            }
        }
    }
}
