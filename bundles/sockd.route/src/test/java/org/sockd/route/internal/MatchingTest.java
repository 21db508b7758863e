package org.sockd.route.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.route.internal.Tables.parsed;
import static org.sockd.route.internal.Tables.select;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** First match, masks, names and zones, IPv6, and the family rule. */
class MatchingTest {

    private static final String NO_ROUTE = "Cannot find appropriate interface to communicate with ";

    @Test
    void theFirstMatchWinsEvenWhenALaterLineIsMoreSpecific() {
        RouteTable table = parsed("""
                127.0.0.2 10.0.0.0 255.0.0.0
                127.0.0.3 10.1.2.3 255.255.255.255
                """);
        assertThat(select(table, "10.1.2.3", null)).isEqualTo("127.0.0.2");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        // host entry: exact, any case, with a trailing dot
        "internic.net,          127.0.0.2",
        "INTERNIC.Net,          127.0.0.2",
        "internic.net.,         127.0.0.2",
        "rs.internic.net,       127.0.0.4",
        // zone entry: the zone itself and names under it, not names merely ending alike
        "example.com,           127.0.0.3",
        "www.EXAMPLE.com,       127.0.0.3",
        "a.b.example.com,       127.0.0.3",
        "badexample.com,        127.0.0.4",
        "example.com.evil.org,  127.0.0.4",
    })
    void nameEntriesMatchTheNameTheClientGave(String name, String local) {
        RouteTable table = parsed("""
                127.0.0.2 internic.net 0.0.0.0
                127.0.0.3 .example.com 0.0.0.0
                127.0.0.4 0.0.0.0 0.0.0.0
                """);
        assertThat(select(table, "192.0.2.7", name)).isEqualTo(local);
    }

    @Test
    void aNameEntryNeverMatchesWhenTheClientGaveAnAddress() {
        RouteTable table = parsed("127.0.0.2 internic.net 0.0.0.0\n127.0.0.3 .internic.net 0.0.0.0\n");
        assertThat(select(table, "192.0.2.7", null)).isEqualTo(NO_ROUTE + "192.0.2.7");
    }

    @Test
    void aNameEntryMatchesOnlyADestinationOfItsInterfaceFamily() {
        RouteTable table = parsed("""
                127.0.0.2 dual.example.com 0.0.0.0
                ::1 dual.example.com ::
                """);
        assertThat(select(table, "192.0.2.7", "dual.example.com")).isEqualTo("127.0.0.2");
        assertThat(select(table, "2001:db8::7", "dual.example.com")).isEqualTo("::1");
    }

    @Test
    void masksCompareOnlyTheirOneBitsEvenWhenNotContiguous() {
        RouteTable table = parsed("127.0.0.2 10.0.0.5 255.0.0.255\n");
        assertThat(select(table, "10.77.88.5", null)).isEqualTo("127.0.0.2");
        assertThat(select(table, "10.77.88.6", null)).isEqualTo(NO_ROUTE + "10.77.88.6");
        assertThat(select(table, "11.77.88.5", null)).isEqualTo(NO_ROUTE + "11.77.88.5");
    }

    @Test
    void ipv6EntriesMatchByPrefixAndIpv4DestinationsNeverMatchThem() {
        RouteTable table = parsed("""
                ::1 2001:db8:1:: ffff:ffff:ffff::
                ::1 fd00::7 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff
                fd00::2 :: ::
                """);
        assertThat(select(table, "2001:db8:1:2::9", null)).isEqualTo("::1");
        assertThat(select(table, "fd00::7", null)).isEqualTo("::1");
        assertThat(select(table, "fd00::8", null)).isEqualTo("fd00::2");
        assertThat(select(table, "10.0.0.1", null)).isEqualTo(NO_ROUTE + "10.0.0.1");
    }

    @Test
    void theIpv4CatchAllDoesNotCoverIpv6Destinations() {
        RouteTable table = parsed("127.0.0.2 0.0.0.0 0.0.0.0\n");
        assertThat(select(table, "10.0.0.1", null)).isEqualTo("127.0.0.2");
        assertThat(select(table, "2001:db8::1", null)).isEqualTo(NO_ROUTE + "2001:db8::1");
    }

    @Test
    void anEmptyTableHasNoRouteForAnything() {
        assertThat(select(parsed(""), "127.0.0.1", "localhost")).isEqualTo(NO_ROUTE + "127.0.0.1");
    }
}
