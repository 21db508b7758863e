package org.sockd.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.upstream.internal.Confs.canonical;
import static org.sockd.upstream.internal.Confs.errors;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.api.upstream.NameResolution;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamProtocol;

/** The classic grammar: what is accepted, its canonical form, and an error naming file and line for the rest. */
class ClassicLineTest {

    static Stream<Arguments> goodLines() {
        return Stream.of(
                good("deny 10.0.0.0 255.0.0.0", "deny 10.0.0.0 255.0.0.0"),
                good("DIRECT\t0.0.0.0   0.0.0.0   # the rest", "direct 0.0.0.0 0.0.0.0"),
                good("sockd @=fw1,10.0.0.2 0.0.0.0 0.0.0.0", "sockd @=fw1,10.0.0.2 0.0.0.0 0.0.0.0"),
                good("sockd@fw1,fw2 0.0.0.0 0.0.0.0", "sockd @=fw1,fw2 0.0.0.0 0.0.0.0"),
                good("sockd @=fw *=alice,bob .example.com 0.0.0.0 eq 443",
                        "sockd @=fw *=alice,bob .example.com 0.0.0.0 eq 443"),
                good("direct *= ALL 0.0.0.0 NEQ www", "direct ALL 0.0.0.0 neq 80"),
                good("deny host.example.com 255.255.255.255 ge 1024 : echo %u %Z", "deny host.example.com 0.0.0.0"
                        + " ge 1024 : echo %u %Z"),
                good("direct fd00:: ffff:ffff::", "direct fd00:: ffff:ffff::"),
                good("deny 10.1.2.3 255.255.255.255 : run # a '#' in a command stays", "deny 10.1.2.3 255.255.255.255"
                        + " : run # a '#' in a command stays"),
                good("deny 10.1.2.3 255.255.255.255 # comment: not a command", "deny 10.1.2.3 255.255.255.255"));
    }

    @ParameterizedTest
    @MethodSource("goodLines")
    void aValidLineReadsBackInCanonicalForm(String line, String text) {
        assertThat(canonical(line + "\n")).containsExactly(text);
        assertThat(canonical(text + "\n")).containsExactly(text);
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                bad("direct 0.0.0.0", "Invalid entry (a line has 3 to 7 fields, found 2)"),
                bad("sockd @=a *=b 10.0.0.0 255.0.0.0 eq 80 x", "Invalid entry (a line has 3 to 7 fields, found 8)"),
                bad("permit 0.0.0.0 0.0.0.0", "Invalid sockd/direct/deny field \"permit\""),
                bad("deny @=fw 0.0.0.0 0.0.0.0", "Invalid entry: \"@=fw\" follows sockd only, once"),
                bad("sockd@a @=b 0.0.0.0 0.0.0.0", "Invalid entry: \"@=b\" follows sockd only, once"),
                bad("sockd *=a @=b 0.0.0.0 0.0.0.0", "Invalid entry: \"@=b\" is out of place (order: action, @=, *=,"
                        + " destination address and mask, operator and port)"),
                bad("direct 10.0.0.0 255.0.0.0 eq", "Invalid port number: none after \"eq\""),
                bad("direct 10.0.0.0 255.0.0.0 eqq 80", "Invalid comparison \"eqq\" (one of eq, neq, lt, gt, le, ge)"),
                bad("direct 10.0.0.0 255.0.0.0 eq nosuch",
                        "Invalid port number \"nosuch\" (a number 0-65535 or a tcp service name)"),
                bad("direct 10.0.0.0 255.0.0.0 eq 65536",
                        "Invalid port number \"65536\" (a number 0-65535 or a tcp service name)"),
                bad("direct 10.0.0 255.0.0.0", "Invalid destination address \"10.0.0\" (expected four decimal numbers"
                        + " 0-255 without leading zeros, like 10.0.0.0)"),
                bad("direct 10.0.0.256 255.0.0.0", "Invalid destination address \"10.0.0.256\" (256 is over 255)"),
                bad("direct 10.0.0.0 255.0", "Illegal destination mask \"255.0\" (expected four decimal numbers 0-255"
                        + " without leading zeros, like 10.0.0.0)"),
                bad("direct example.com ALL", "Illegal destination mask \"ALL\" (expected four decimal numbers 0-255"
                        + " without leading zeros, like 10.0.0.0)"),
                bad("direct fd00:: 255.0.0.0", "Illegal destination mask \"255.0.0.0\" (not an IPv6 address like"
                        + " fd00::1)"),
                bad("direct all 0.0.0.0", "Invalid destination address \"all\" (ALL, any host, is upper case)"),
                bad("direct *.example.com 0.0.0.0", "Invalid destination address \"*.example.com\" (expected a dotted"
                        + " quad like 10.0.0.0, an IPv6 address, a host name like host.example.com, a zone like"
                        + " .example.com, or ALL)"),
                bad("sockd @=a,,b 0.0.0.0 0.0.0.0", "Invalid server \"\" in \"a,,b\" (a declared upstream, a host"
                        + " name or a dotted quad; commas only, no blanks)"),
                bad("sockd @=010.0.0.1 0.0.0.0 0.0.0.0", "Invalid server \"010.0.0.1\" (expected four decimal numbers"
                        + " 0-255 without leading zeros, like 10.0.0.0)"),
                bad("sockd @=fw *=alice", "Invalid entry: no destination address and mask"),
                bad("sockd 0.0.0.0 0.0.0.0", "no default server for a sockd line without servers (set the"
                        + " default.server property or SOCKS_SERVER, or write sockd @=server)"),
                bad("direct *=a,,b 0.0.0.0 0.0.0.0", "Invalid *= field \"*=a,,b\" (empty user-id)"),
                bad("direct *=etc/users 0.0.0.0 0.0.0.0", "Invalid *= field \"*=etc/users\" (user file \"etc/users\""
                        + " is not an absolute path, like /etc/socks.users)"),
                bad("deny 0.0.0.0 0.0.0.0 : echo %x", "Invalid shell command \"echo %x\": unknown code \"%x\" (known:"
                        + " %A %a %c %p %S %s %U %u %Z %z %%)"),
                bad("deny 0.0.0.0 0.0.0.0 : %% ", "shell command \"%%\" contains no alphanumeric characters"));
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void anInvalidLineIsAnErrorNamingFileLineAndReason(String line, String reason) {
        assertThat(errors("# first line\n" + line + "\n")).containsExactly("socks.conf:2: " + reason);
    }

    @Test
    void everyBadLineIsReportedAndTheFileIsRefusedWhole() {
        assertThat(errors("direct 0.0.0.0\ndirect 0.0.0.0 0.0.0.0\npermit x y\n")).containsExactly(
                "socks.conf:1: Invalid entry (a line has 3 to 7 fields, found 2)",
                "socks.conf:3: Invalid sockd/direct/deny field \"permit\"");
    }

    @Test
    void aLineOf1022CharactersIsAcceptedAndOneMoreIsAnError() {
        String line = "direct 0.0.0.0 0.0.0.0 #";
        String longest = line + "x".repeat(SocksConfParser.MAX_LINE - line.length());
        assertThat(canonical(longest + "\n")).hasSize(1);
        assertThat(errors(longest + "x\n")).containsExactly("socks.conf:1: line too long (1023 characters, at most 1022)");
    }

    @Test
    void anEmptyServerListAndNoListUseTheDefaultServer() {
        SocksTable table = Confs.table("sockd @= 0.0.0.0 0.0.0.0\nsockd 10.0.0.0 255.0.0.0\nsockd@ *= ALL 0.0.0.0\n",
                Confs.settings("fw1,fw2"));
        assertThat(table.canonical()).extracting(NumberedLine::text)
                .containsExactly("sockd 0.0.0.0 0.0.0.0", "sockd 10.0.0.0 255.0.0.0", "sockd ALL 0.0.0.0");
        ClassicLine first = (ClassicLine) table.entries().get(0);
        assertThat(first.servers()).extracting(Upstream::name).containsExactly("fw1", "fw2");
    }

    @Test
    void aClassicServerIsSocks4aOnTheDefaultPortResolvingWhenItCan() {
        ClassicLine line = (ClassicLine) Confs.table("sockd @=fw.example.com 0.0.0.0 0.0.0.0\n").entries().get(0);
        assertThat(line.servers()).singleElement().satisfies(server -> {
            assertThat(server.protocol()).isEqualTo(UpstreamProtocol.SOCKS4A);
            assertThat(server.endpoint()).isEqualTo("fw.example.com:1080");
            assertThat(server.resolve()).isEqualTo(NameResolution.AUTO);
        });
    }

    @Test
    void resolverLinesAreSkippedWithANotice() {
        String text = "domain example.com\nnameserver 10.0.0.53\nbind x\nfindserver y\ndirect 0.0.0.0 0.0.0.0\n";
        assertThat(canonical(text)).containsExactly("direct 0.0.0.0 0.0.0.0");
        assertThat(Confs.notices(text)).hasSize(4).allMatch(notice -> notice.contains("resolver line skipped"));
    }

    @Test
    void lineNumbersCountBlankAndCommentLines() {
        assertThat(Confs.table("\n# c\n\t\ndirect 0.0.0.0 0.0.0.0\n").canonical())
                .containsExactly(new NumberedLine(4, "direct 0.0.0.0 0.0.0.0"));
    }

    private static Arguments good(String line, String canonical) {
        return Arguments.of(line, canonical);
    }

    private static Arguments bad(String line, String reason) {
        return Arguments.of(line, reason);
    }
}
