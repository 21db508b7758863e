package org.sockd.route.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.route.internal.Tables.parsed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.api.route.RouteEntry;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.LoadResult;

/** The text grammar: what is accepted, its canonical form, and an error naming file and line for the rest. */
class RouteParserTest {

    private static final String QUAD = " (expected four decimal numbers 0-255 without leading zeros, like 10.0.0.0,"
            + " or an IPv6 address like fd00::1)";
    private static final String NAME = " (expected an address like 10.0.0.0 or fd00::, a host name like"
            + " host.example.com, or a zone like .example.com)";

    @TempDir
    Path dir;

    @Test
    void commentsBlankLinesTabsAndTrailingCommentsAreAccepted() {
        RouteTable table = parsed("""
                # interfaces of this host
                
                129.10.1.2\t10.0.0.0   255.0.0.0   # inside
                \t
                   129.10.254.1 0.0.0.0 0.0.0.0#catch-all
                """);
        assertThat(table.entries()).containsExactly(
                new RouteEntry("sockd.route", 3, "129.10.1.2 10.0.0.0 255.0.0.0"),
                new RouteEntry("sockd.route", 5, "129.10.254.1 0.0.0.0 0.0.0.0"));
    }

    @Test
    void namesZonesAndIpv6AreWrittenBackInOneSpelling() {
        RouteTable table = parsed("""
                128.23.16.2 internic.net 0.0.0.0
                128.23.16.2 .Example.COM 255.255.255.255
                FD00:0:0:0::2 2001:DB8:0:0:0:0:0:0 ffff:ffff:ffff:ffff:0:0:0:0
                fd00::2 host6.example.com ::
                """);
        assertThat(table.entries()).extracting(RouteEntry::text).containsExactly(
                "128.23.16.2 internic.net 0.0.0.0",
                "128.23.16.2 .Example.COM 0.0.0.0",
                "fd00::2 2001:db8:: ffff:ffff:ffff:ffff::",
                "fd00::2 host6.example.com 0.0.0.0");
    }

    @Test
    void aLineOf1022CharactersIsAcceptedAndOneMoreIsAnError() {
        String line = "129.10.1.2 10.0.0.0 255.0.0.0 #";
        String longest = line + "x".repeat(RouteParser.MAX_LINE - line.length());
        assertThat(parsed(longest + "\n").entries()).hasSize(1);

        assertThat(RouteParser.parse("r", longest + "x\n")).isEqualTo(new LoadResult.Invalid<>(List.of(
                new FileError("r", 1, "line too long (1023 characters, at most 1022)"))));
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                bad("129.10.1.2 10.0.0.0", "Invalid entry: expected 3 fields (interface address, destination, mask), found 2"),
                bad("129.10.1.2 10.0.0.0 255.0.0.0 extra",
                        "Invalid entry: expected 3 fields (interface address, destination, mask), found 4"),
                bad("129.10.1.2 # 10.0.0.0 255.0.0.0",
                        "Invalid entry: expected 3 fields (interface address, destination, mask), found 1"),
                bad("129.10.1 10.0.0.0 255.0.0.0", "Invalid interface address \"129.10.1\"" + QUAD),
                bad("129.010.1.2 10.0.0.0 255.0.0.0", "Invalid interface address \"129.010.1.2\"" + QUAD),
                bad("0x81.10.1.2 10.0.0.0 255.0.0.0", "Invalid interface address \"0x81.10.1.2\"" + QUAD),
                bad("gateway 10.0.0.0 255.0.0.0", "Invalid interface address \"gateway\"" + QUAD),
                bad("129.10.1.256 10.0.0.0 255.0.0.0", "Invalid interface address \"129.10.1.256\" (256 is over 255)"),
                bad("0.0.0.0 10.0.0.0 255.0.0.0", "Invalid interface address \"0.0.0.0\""
                        + " (a wildcard or multicast address is no interface of this host)"),
                bad(":: ::1 ::", "Invalid interface address \"::\""
                        + " (a wildcard or multicast address is no interface of this host)"),
                bad("224.0.0.1 10.0.0.0 255.0.0.0", "Invalid interface address \"224.0.0.1\""
                        + " (a wildcard or multicast address is no interface of this host)"),
                bad("129.10.1.2 10.0.0 255.0.0.0", "Invalid destination address \"10.0.0\"" + QUAD),
                bad("129.10.1.2 10.0.0.0/8 255.0.0.0", "Invalid destination address \"10.0.0.0/8\"" + NAME),
                bad("129.10.1.2 host..example.com 0.0.0.0", "Invalid destination address \"host..example.com\"" + NAME),
                bad("129.10.1.2 *.example.com 0.0.0.0", "Invalid destination address \"*.example.com\"" + NAME),
                bad("129.10.1.2 ALL 0.0.0.0", "Invalid destination address \"ALL\" (ALL is no route destination:"
                        + " write 0.0.0.0 0.0.0.0 for any IPv4 destination, :: :: for any IPv6 one)"),
                bad("129.10.1.2 10.0.0.0 255.0", "Invalid destination mask \"255.0\"" + QUAD),
                bad("129.10.1.2 example.com ALL", "Invalid destination mask \"ALL\"" + QUAD),
                bad("129.10.1.2 10.0.0.0 ffff::", "Invalid destination mask \"ffff::\" (an IPv6 mask for an IPv4"
                        + " destination: write the mask in the destination's family)"),
                bad("fd00::2 fd00:: 255.255.0.0", "Invalid destination mask \"255.255.0.0\" (an IPv4 mask for an IPv6"
                        + " destination: write the mask in the destination's family)"),
                bad("fd00::2 10.0.0.0 255.0.0.0", "Invalid entry: interface fd00::2 is IPv6 but destination 10.0.0.0"
                        + " is IPv4 (an interface reaches destinations of its own family only)"),
                bad("fd00::2::1 fd00:: ffff::", "Invalid interface address \"fd00::2::1\" (not a valid IPv6 address)"),
                bad("fe80::1%eth0 fd00:: ffff::", "Invalid interface address \"fe80::1%eth0\"" + QUAD),
                bad("::ffff:129.10.1.2 10.0.0.0 255.0.0.0", "Invalid interface address \"::ffff:129.10.1.2\""
                        + " (an IPv4-mapped IPv6 address: write the IPv4 address 129.10.1.2)"),
                bad("129.10.1.2\u001b 10.0.0.0 255.0.0.0", "Invalid interface address \"129.10.1.2\\x1b\"" + QUAD));
    }

    private static Arguments bad(String line, String reason) {
        return Arguments.of(line, reason);
    }

    /** The bad line comes second, so the error must name line 2 of the file it was read from. */
    @ParameterizedTest
    @MethodSource("badLines")
    void everyBadLineIsAnErrorNamingFileAndLine(String line, String reason) throws Exception {
        Path file = Files.writeString(dir.resolve("sockd.route"), "129.10.1.2 10.0.0.0 255.0.0.0\n" + line + "\n",
                StandardCharsets.ISO_8859_1);
        assertThat(RouteParser.parseFile(file)).isEqualTo(new LoadResult.Invalid<>(List.of(
                new FileError(file.toString(), 2, reason))));
        assertThat(new FileError(file.toString(), 2, reason).toString()).startsWith(file + ":2: ");
    }

    @Test
    void everyBadLineIsReportedNotOnlyTheFirst() {
        LoadResult<RouteTable> result = RouteParser.parse("r", "1.2.3 a b\n129.10.1.2 10.0.0.0 255.0.0.0\nx\n");
        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        assertThat(((LoadResult.Invalid<RouteTable>) result).errors()).extracting(FileError::line).containsExactly(1, 3);
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("none.route");
        assertThat(RouteParser.parseFile(missing)).isEqualTo(new LoadResult.Invalid<>(List.of(
                new FileError(missing.toString(), 0, "Unable to open routing file (" + missing + "): no such file"))));
    }

    @Test
    void anEmptyFileIsAnEmptyTable() {
        assertThat(parsed("# nothing yet\n\n").entries()).isEmpty();
    }
}
