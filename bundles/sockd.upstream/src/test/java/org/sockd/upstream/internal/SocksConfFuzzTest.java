package org.sockd.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random lines, built from the grammar's own words and from noise, never make the parser throw:
 * every line ends up in the table or as an error naming its line (PARSE-11). Seeded and bounded.
 */
class SocksConfFuzzTest {

    private static final List<String> WORDS = List.of("deny", "direct", "sockd", "SOCKD", "sockd@a,b", "@=", "@=a,b",
            "@=,", "*=", "*=alice,/etc/none", "*=,", "0.0.0.0", "255.255.255.255", "10.0.0.0", "255.0.0.0", "ALL",
            ".test", "host.test", "fd00::", "ffff::", "::", "eq", "neq", "lt", "ge", "80", "www", "65536", ":", "#",
            ": echo %u %Z", "%", "upstream", "b", "socks5://h:1", "socks4://[::1]", "http://h", "resolve=auto",
            "auth=password", "password.file=/nonexistent", "password.file=/a\u0000b", "*=/a\u0000b", "route", "{",
            "}", "from:", "to:", "via:", "direct", "0/0",
            "10.0.0.0/8", "port", "=", "-", "proxyprotocol:", "socks_v4", "http", "method:", "username", "command:",
            "bind", "route.maxfail:", "route.badexpire:", "1", "domain", "\t", "\u00ff", "\u0000", "[", "]", "/");

    @Test
    void randomLinesNeverThrow() {
        Random random = new Random(0x50C45C0FL);
        for (int round = 0; round < 4000; round++) {
            StringBuilder text = new StringBuilder();
            int lines = 1 + random.nextInt(4);
            for (int line = 0; line < lines; line++) {
                text.append(line(random)).append('\n');
            }
            // noise may hold line breaks of its own
            int physical = NumberedLine.of(text.toString()).size();
            LoadResult result = SocksConfParser.parse("fuzz.conf", text.toString(), Confs.settings("fw"), notice -> { });
            if (result instanceof LoadResult.Invalid invalid) {
                assertThat(invalid.errors()).allSatisfy(error -> assertThat(error.line()).isBetween(1, physical));
            }
        }
    }

    private static String line(Random random) {
        StringBuilder line = new StringBuilder();
        int words = random.nextInt(9);
        for (int i = 0; i < words; i++) {
            if (random.nextInt(8) == 0) {
                line.append((char) random.nextInt(0x80));
            } else {
                line.append(WORDS.get(random.nextInt(WORDS.size())));
            }
            line.append(random.nextInt(4) == 0 ? "" : " ");
        }
        return line.toString();
    }
}
