package org.sockd.route.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.List;
import org.sockd.common.reload.LoadResult;
import org.sockd.common.testing.FuzzedFile;

/**
 * Coverage-guided: any sockd.route loads or is refused with errors naming its lines, and what loads
 * survives freezing, thawing and dumping unchanged (README "Fuzzing"; frozen files:
 * {@link FrozenRouteFileFuzzTest}).
 */
class RouteFileFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] file) {
        FuzzedFile.check(file, RouteParser::parse, RouteFileFuzzTest::assertSurvivesFreezing);
    }

    /** Also {@link FrozenRouteFileFuzzTest}'s check of what it thaws. */
    static void assertSurvivesFreezing(RouteTable table) {
        RouteTable thawed = loaded(FrozenRouteReader.read("sockd.fr", FrozenRouteWriter.write(table)));
        assertThat(thawed.entries()).isEqualTo(table.entries());
        assertThat(numberedTexts(thawed)).isEqualTo(numberedTexts(table));

        RouteTable reparsed = loaded(RouteParser.parse("dumped.route", RouteFrozenTool.text(thawed, Path.of("sockd.fr"))));
        assertThat(reparsed.lines()).extracting(RouteLine::text)
                .containsExactlyElementsOf(table.lines().stream().map(RouteLine::text).toList());
    }

    /** Destinations have no equals of their own: their canonical text stands for them. */
    private static List<String> numberedTexts(RouteTable table) {
        return table.lines().stream().map(line -> line.line() + ": " + line.text()).toList();
    }

    private static RouteTable loaded(LoadResult<RouteTable> result) {
        assertThat(result).isInstanceOf(LoadResult.Valid.class);
        return ((LoadResult.Valid<RouteTable>) result).content();
    }
}
