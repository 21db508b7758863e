package org.sockd.route.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.route.internal.Tables.address;
import static org.sockd.route.internal.Tables.parsed;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.api.route.Route;
import org.sockd.api.route.RouteEntry;

/**
 * The classic 4.2 test script's route file and what it chooses; its lines are among those of the example
 * in man/sockd.route.5 (EXAMPLES).
 */
class WorkedExampleTest {

    private static final String FILE = """
            129.10.1.2    10.0.0.0    255.0.0.0
            129.10.7.10   137.12.0.0  255.255.0.0
            129.10.254.1  0.0.0.0     0.0.0.0
            """;

    @ParameterizedTest(name = "{0} leaves by {1} (line {2})")
    @CsvSource({
        "10.53.23.1,  129.10.1.2,   1, 129.10.1.2 10.0.0.0 255.0.0.0",
        "137.12.4.15, 129.10.7.10,  2, 129.10.7.10 137.12.0.0 255.255.0.0",
        "126.87.13.2, 129.10.254.1, 3, 129.10.254.1 0.0.0.0 0.0.0.0",
    })
    void theFirstMatchingLineChoosesTheInterface(String destination, String local, int line, String text) {
        assertThat(parsed(FILE).select(address(destination), null))
                .isEqualTo(new Route.Via(address(local), new RouteEntry("sockd.route", line, text)));
    }

    @ParameterizedTest
    @CsvSource({"126.87.13.2", "0.0.0.0"})
    void withoutTheCatchAllLineAnOtherDestinationHasNoRoute(String destination) {
        String withoutLine3 = FILE.lines().limit(2).map(line -> line + "\n").reduce("", String::concat);
        assertThat(parsed(withoutLine3).select(address(destination), null)).isEqualTo(
                new Route.NoRoute("Cannot find appropriate interface to communicate with " + destination));
    }
}
