package org.sockd.route.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.route.internal.Tables.select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.reload.LoadResult;

/** text → frozen → dump → text: every form holds the same routes and chooses as the text does. */
class FrozenRoundTripTest {

    private static final String TEXT = """
            # the worked example, with names, zones and IPv6
            129.10.1.2    10.0.0.0    255.0.0.0
            129.10.7.10   137.12.0.0  255.255.0.0   # trailing comment
            128.23.16.2   internic.net 0.0.0.0
            128.23.16.2   .Example.com 0.0.0.0
            fd00::2       2001:db8:0:0::  ffff:ffff::
            129.10.254.1  0.0.0.0     0.0.0.0
            """;
    private static final List<String[]> LOOKUPS = List.of(
            new String[] {"10.53.23.1", null}, new String[] {"137.12.4.15", null}, new String[] {"126.87.13.2", null},
            new String[] {"198.41.0.4", "internic.net"}, new String[] {"198.41.0.4", "www.example.com"},
            new String[] {"2001:db8:1::1", null}, new String[] {"2001:db9::1", null});

    @TempDir
    Path dir;

    @Test
    void everyFormHoldsTheSameRoutesAndChoosesAsTheText() throws Exception {
        Path text = Files.writeString(dir.resolve("sockd.route"), TEXT);
        RouteTable original = loaded(RouteParser.parseFile(text));

        Path frozen = Files.write(dir.resolve("sockd.fr"), FrozenRouteWriter.write(original));
        RouteTable thawed = loaded(RouteFiles.readFrozen(frozen));

        Path dumped = Files.writeString(dir.resolve("dumped.route"), RouteFrozenTool.text(thawed, frozen));
        RouteTable reparsed = loaded(RouteParser.parseFile(dumped));

        assertThat(thawed.entries()).isEqualTo(original.entries());
        assertThat(reparsed.lines()).extracting(RouteLine::text)
                .containsExactlyElementsOf(original.lines().stream().map(RouteLine::text).toList());
        for (String[] lookup : LOOKUPS) {
            String expected = select(original, lookup[0], lookup[1]);
            assertThat(select(thawed, lookup[0], lookup[1])).as("frozen, %s", (Object) lookup).isEqualTo(expected);
            assertThat(select(reparsed, lookup[0], lookup[1])).as("dumped, %s", (Object) lookup).isEqualTo(expected);
        }
    }

    @Test
    void theFrozenFileKeepsTheTextFileNameAndLinesForItsEntries() throws Exception {
        Path text = Files.writeString(dir.resolve("sockd.route"), TEXT);
        Path frozen = Files.write(dir.resolve("sockd.fr"), FrozenRouteWriter.write(loaded(RouteParser.parseFile(text))));
        RouteTable thawed = loaded(RouteFiles.readFrozen(frozen));

        assertThat(thawed.entries().get(1).source()).isEqualTo(text.toString());
        assertThat(thawed.entries().get(1).line()).isEqualTo(3);
        assertThat(thawed.title()).isEqualTo("routes from " + frozen + " (frozen from " + text + ")");
    }

    private static RouteTable loaded(LoadResult<RouteTable> result) {
        assertThat(result).isInstanceOf(LoadResult.Valid.class);
        return ((LoadResult.Valid<RouteTable>) result).content();
    }
}
