package org.sockd.access.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.FileError;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.common.reload.LoadResult;

class ConfErrorTest {

    private static final ConfParser PARSER = new ConfParser(Services.parse(List.of("telnet 23/tcp")));
    private static final String QUAD = " (expected four decimal numbers 0-255 without leading zeros, like 10.0.0.0)";
    private static final String STRAY = " (a destination is an address and a mask, a port test an operator and a port)";
    private static final String ORDER = " (order: action, ?=, *=, source, destination, port)";
    private static final String CODES = " (known: %A %a %c %p %S %s %U %u %Z %z %%)";
    private static final String NAME = " (expected a dotted quad like 10.0.0.0, a host name like host.example.com,"
            + " a zone like .example.com, or ALL)";

    static Stream<Arguments> badLines() {
        return Stream.of(
                bad("permit 10.0.0.0", "Invalid entry: a rule needs an action, a source address and a source mask"),
                bad(": mail admin", "Invalid entry: a rule needs an action, a source address and a source mask"),
                bad("permit ?=I 10.0.0.0", "Invalid entry: a rule needs a source address and a source mask"),
                bad("permit ?=I *=joe 10.0.0.0", "Invalid entry: a rule needs a source address and a source mask"),
                bad("allow 10.0.0.0 255.0.0.0", "Invalid permit/deny field \"allow\""),
                bad("permits 10.0.0.0 255.0.0.0", "Invalid permit/deny field \"permits\""),
                bad("permit\u001b 10.0.0.0 255.0.0.0", "Invalid permit/deny field \"permit\\x1b\""),
                bad("permit ?=x 10.0.0.0 255.0.0.0", "Invalid ?= field \"?=x\" (?=I, ?=i, ?=n or ?=)"),
                bad("permit ?=N 10.0.0.0 255.0.0.0", "Invalid ?= field \"?=N\" (?=I, ?=i, ?=n or ?=)"),
                bad("permit ?=In 10.0.0.0 255.0.0.0", "Invalid ?= field \"?=In\" (?=I, ?=i, ?=n or ?=)"),
                bad("permit *=a ?=I 10.0.0.0 255.0.0.0", "Invalid entry: \"?=I\" is out of place" + ORDER),
                bad("permit ?=I ?=i 10.0.0.0 255.0.0.0", "Invalid entry: \"?=i\" is out of place" + ORDER),
                bad("permit *=a *=b 10.0.0.0 255.0.0.0", "Invalid entry: \"*=b\" is out of place" + ORDER),
                bad("permit 10.0.0.0 255.0.0.0 ?=I *=a", "Invalid entry: \"?=I\" is out of place" + ORDER),
                bad("permit 10.0.0.0 255.0.0.0 ?=I", "Invalid entry: stray field \"?=I\"" + STRAY),
                bad("permit *=a,,b 10.0.0.0 255.0.0.0", "Invalid *= field \"*=a,,b\" (empty user-id)"),
                bad("permit *=a, 10.0.0.0 255.0.0.0", "Invalid *= field \"*=a,\" (empty user-id)"),
                bad("permit *=,a 10.0.0.0 255.0.0.0", "Invalid *= field \"*=,a\" (empty user-id)"),
                bad("permit *=etc/socks.users 10.0.0.0 255.0.0.0", "Invalid *= field \"*=etc/socks.users\""
                        + " (user file \"etc/socks.users\" is not an absolute path, like /etc/socks.users)"),
                bad("permit *=joe,./users 10.0.0.0 255.0.0.0", "Invalid *= field \"*=joe,./users\""
                        + " (user file \"./users\" is not an absolute path, like /etc/socks.users)"),
                bad("permit 10.0.0.0 255.0.0.0 1.2.3.4 255.255.255.255 eqq 23",
                        "Invalid comparison \"eqq\" (one of eq, neq, lt, gt, le, ge)"),
                // Two fields that do not start with an operator are a destination, as in the classic parser.
                bad("permit 10.0.0.0 255.0.0.0 eqq 23", "Invalid destination mask \"23\"" + QUAD),
                bad("permit 10.0.0.0 255.0.0.0 eq 65536",
                        "Invalid port number \"65536\" (a number 0-65535 or a tcp service name)"),
                bad("permit 10.0.0.0 255.0.0.0 eq gopher",
                        "Invalid port number \"gopher\" (a number 0-65535 or a tcp service name)"),
                bad("permit 10.0.0.0 255.0.0.0 eq Telnet",
                        "Invalid port number \"Telnet\" (a number 0-65535 or a tcp service name)"),
                bad("permit 10.0.0.0 255.0.0.0 eq 23abc",
                        "Invalid port number \"23abc\" (a number 0-65535 or a tcp service name)"),
                bad("permit 10.0.0.0 255.0.0.0 eq -1",
                        "Invalid port number \"-1\" (a number 0-65535 or a tcp service name)"),
                bad("permit 10.0.0.0 255.0.0.0 0.0.0.0 0.0.0.0 eq", "Invalid port number: none after \"eq\""),
                bad("permit 10.0.0.0 255.0.0.0 lt", "Invalid port number: none after \"lt\""),
                bad("permit 10.1.2.3 255.255.255.255 10.9.9.9", "Invalid entry: stray field \"10.9.9.9\"" + STRAY),
                bad("permit 10.0.0.0 255.0.0.0 eq 23 24", "Invalid entry: stray field \"24\"" + STRAY),
                bad("permit 10.0.0.0 255.0.0.0 eq 23 1.2.3.4 255.0.0.0", "Invalid entry: stray field \"1.2.3.4\""
                        + STRAY),
                bad("permit all 0.0.0.0", "Invalid source address \"all\" (ALL, any host, is written in upper case)"),
                bad("permit 10.0.0.0 255.0.0.0 All 0.0.0.0",
                        "Invalid destination address \"All\" (ALL, any host, is written in upper case)"),
                bad("permit host..example.com 0.0.0.0", "Invalid source address \"host..example.com\"" + NAME),
                bad("permit host.example.com. 0.0.0.0", "Invalid source address \"host.example.com.\"" + NAME),
                bad("permit *.example.com 0.0.0.0", "Invalid source address \"*.example.com\"" + NAME),
                bad("permit .. 0.0.0.0", "Invalid source address \"..\"" + NAME),
                bad("permit 10.0.0.0/8 255.0.0.0", "Invalid source address \"10.0.0.0/8\"" + NAME),
                bad("permit 10.0.0.0 255.0.0.0 ex@mple.com 0.0.0.0",
                        "Invalid destination address \"ex@mple.com\"" + NAME),
                bad("permit host.example.com ALL", "Invalid source mask \"ALL\"" + QUAD),
                bad("permit .example.com 0.0.0", "Invalid source mask \"0.0.0\"" + QUAD),
                bad("permit 10.0.0.0 255.0.0.0 ALL all", "Invalid destination mask \"all\"" + QUAD),
                bad("permit 10.1 255.255.0.0", "Invalid source address \"10.1\"" + QUAD),
                bad("permit 1.2.3.4.5 255.255.255.255", "Invalid source address \"1.2.3.4.5\"" + QUAD),
                bad("permit 010.0.0.1 255.255.255.255", "Invalid source address \"010.0.0.1\"" + QUAD),
                bad("permit 0x0a000001 255.255.255.255", "Invalid source address \"0x0a000001\"" + QUAD),
                bad("permit 0x0a.0.0.1 255.255.255.255", "Invalid source address \"0x0a.0.0.1\"" + QUAD),
                bad("permit 10.0.0.256 255.255.255.255", "Invalid source address \"10.0.0.256\" (256 is over 255)"),
                bad("permit 10.0.0.0 255.0.0", "Invalid source mask \"255.0.0\"" + QUAD),
                bad("permit 10.0.0.0 ALL", "Invalid source mask \"ALL\"" + QUAD),
                bad("permit 10.0.0.0 255.0.0.0 192.168.0.0 255.255.0.x", "Invalid destination mask \"255.255.0.x\""
                        + QUAD),
                bad("deny 0.0.0.0 0.0.0.0 : echo %x >> /var/log/sockd/%u",
                        "Invalid shell command \"echo %x >> /var/log/sockd/%u\": unknown code \"%x\"" + CODES),
                bad("deny 0.0.0.0 0.0.0.0 : echo 100%", "Invalid shell command \"echo 100%\": unknown code \"%\"" + CODES),
                bad("#NO_IDENTD: mail -s 'no identd on %A' %q", "Invalid shell command \"mail -s 'no identd on %A' %q\":"
                        + " unknown code \"%q\"" + CODES),
                bad("#BAD_ID: echo %U is not %i", "Invalid shell command \"echo %U is not %i\": unknown code \"%i\""
                        + CODES));
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void reportsTheReasonWithFileAndLine(String line, String reason) {
        String text = "# line 1\npermit 127.0.0.0 255.0.0.0\n" + line + "\n";
        assertThat(errors(PARSER.parse("sockd.conf", text))).containsExactly("sockd.conf:3: " + reason);
    }

    @Test
    void reportsEveryErrorOfTheFileAtOnce() {
        String text = """
                permit 127.0.0.0 255.0.0.0
                permit 10.0.0.0 255.0.0.0 1.2.3.4 255.255.255.255 eqq 23
                deny 0.0.0.0
                permit 10.0.0.0 255.0.0.0 eq 23
                refuse 0.0.0.0 0.0.0.0
                """;
        assertThat(errors(PARSER.parse("sockd.conf", text))).containsExactly(
                "sockd.conf:2: Invalid comparison \"eqq\" (one of eq, neq, lt, gt, le, ge)",
                "sockd.conf:3: Invalid entry: a rule needs an action, a source address and a source mask",
                "sockd.conf:5: Invalid permit/deny field \"refuse\"");
    }

    @Test
    void anOverLongLineIsAnErrorAndNeverSplit() {
        String line = "permit 0.0.0.0 0.0.0.0 #" + "x".repeat(1000);
        assertThat(errors(PARSER.parse("sockd.conf", "permit 127.0.0.0 255.0.0.0\n" + line + "\n")))
                .containsExactly("sockd.conf:2: line too long (1024 characters, at most 1023)");
    }

    /** The C daemon read the tail after 1022 characters as a line of its own: here, a rule. */
    @Test
    void theTailOfAnOverLongLineIsNotReadAsALineOfItsOwn() {
        String head = "deny 10.0.0.0 255.0.0.0 #";
        String line = head + "x".repeat(1022 - head.length()) + "permit 0.0.0.0 0.0.0.0 eqq 1";
        assertThat(errors(PARSER.parse("sockd.conf", "permit 127.0.0.0 255.0.0.0\n" + line + "\nrefuse 1\n")))
                .containsExactly("sockd.conf:2: line too long (1050 characters, at most 1023)",
                        "sockd.conf:3: Invalid entry: a rule needs an action, a source address and a source mask");
    }

    @Test
    void aMissingFileIsAnErrorNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("sockd.conf");
        assertThat(errors(PARSER.parseFile(file)))
                .containsExactly(file + ": Unable to open config file (" + file + "): no such file");
    }

    @Test
    void aFileIsReadAndNamedInErrors(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("sockd.conf"), "permit 127.0.0.0 255.0.0.0\npermit x\n");
        assertThat(errors(PARSER.parseFile(file))).containsExactly(
                file + ":2: Invalid entry: a rule needs an action, a source address and a source mask");
    }

    private static List<String> errors(LoadResult<RuleSet> result) {
        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        return ((LoadResult.Invalid<RuleSet>) result).errors().stream().map(FileError::toString).toList();
    }

    private static Arguments bad(String line, String reason) {
        return Arguments.of(line, reason);
    }
}
