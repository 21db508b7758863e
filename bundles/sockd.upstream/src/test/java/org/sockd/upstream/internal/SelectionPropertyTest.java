package org.sockd.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.TryOutcome;
import org.sockd.api.upstream.Upstream;

/**
 * Whatever the health marks, a request whose first matching line is a {@code sockd} line gets a
 * try-list of exactly that line's servers: never direct, never another line's. Seeded and bounded.
 */
class SelectionPropertyTest {

    @Test
    void marksOnlyReorderTheServersOfTheMatchingLine() {
        SocksTable table = Confs.table("""
                sockd @=a,b,c 10.0.0.0 255.0.0.0
                direct 10.0.0.0 255.0.0.0
                sockd @=d,a 0.0.0.0 0.0.0.0 lt 1024
                direct 0.0.0.0 0.0.0.0
                """);
        Random random = new Random(1996);
        for (int round = 0; round < 2000; round++) {
            FailureMarks marks = new FailureMarks(Marking.DEFAULT, new MutableClock(), line -> { });
            for (Upstream upstream : table.upstreams()) {
                if (random.nextBoolean()) {
                    marks.report(upstream, TryOutcome.FAILED);
                }
            }
            String destination = random.nextBoolean() ? "10.0.0." + (1 + random.nextInt(200)) : "192.0.2.1";
            int port = random.nextBoolean() ? 80 : 8080;
            NextHop hop = Selection.select(table, RequestFacts.of(Requests.connect(destination, port)), marks);
            List<String> expected = destination.startsWith("10.") ? List.of("a", "b", "c")
                    : port < 1024 ? List.of("d", "a") : null;
            if (expected == null) {
                assertThat(hop).isInstanceOf(NextHop.Direct.class);
                continue;
            }
            List<String> servers = SelectionTest.servers(hop);
            assertThat(servers).containsExactlyInAnyOrderElementsOf(expected);
            List<String> healthyFirst = new ArrayList<>(expected.stream().filter(name -> !bad(table, marks, name)).toList());
            healthyFirst.addAll(expected.stream().filter(name -> bad(table, marks, name)).toList());
            assertThat(servers).isEqualTo(healthyFirst);
        }
    }

    private static boolean bad(SocksTable table, FailureMarks marks, String name) {
        return marks.bad(table.upstreams().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow());
    }
}
