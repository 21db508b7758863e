package org.sockd.access.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.access.internal.rule.Action.DENY;
import static org.sockd.access.internal.rule.Action.PERMIT;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.access.internal.rule.Action;
import org.sockd.access.internal.rule.AddressMask;
import org.sockd.access.internal.rule.Op;
import org.sockd.access.internal.rule.PortTest;
import org.sockd.access.internal.rule.Rule;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.access.internal.rule.SpecialCommand;
import org.sockd.access.internal.rule.UserList;
import org.sockd.api.access.IdentMode;
import org.sockd.common.netdb.Services;

class ConfParserTest {

    private static final ConfParser PARSER =
            new ConfParser(Services.parse(List.of("ftp 21/tcp", "telnet 23/tcp")));
    private static final AddressMask NET10 = net("10.0.0.0", "255.0.0.0");
    private static final AddressMask HOST = net("128.12.6.4", "255.255.255.255");

    static Stream<Arguments> fieldForms() {
        return Stream.of(
                form("permit 10.0.0.0 255.0.0.0", PERMIT, null, UserList.ALL, AddressMask.ANY, PortTest.ANY, ""),
                form("DENY 10.0.0.0 255.0.0.0", DENY, null, UserList.ALL, AddressMask.ANY, PortTest.ANY, ""),
                form("Permit 10.0.0.0 255.0.0.0 137.12.0.0 255.255.0.0", PERMIT, null, UserList.ALL,
                        net("137.12.0.0", "255.255.0.0"), PortTest.ANY, ""),
                form("permit 10.0.0.0 255.0.0.0 lt 1024", PERMIT, null, UserList.ALL, AddressMask.ANY,
                        port(Op.LT, 1024), ""),
                form("permit 10.0.0.0 255.0.0.0 0.0.0.0 0.0.0.0 GE 1024", PERMIT, null, UserList.ALL,
                        AddressMask.ANY, port(Op.GE, 1024), ""),
                form("deny 10.0.0.0 255.0.0.0 eq telnet", DENY, null, UserList.ALL, AddressMask.ANY,
                        port(Op.EQ, 23), ""),
                form("deny 10.0.0.0 255.0.0.0 Neq 0", DENY, null, UserList.ALL, AddressMask.ANY, port(Op.NEQ, 0), ""),
                form("deny 10.0.0.0 255.0.0.0 gt 65535", DENY, null, UserList.ALL, AddressMask.ANY,
                        port(Op.GT, 65535), ""),
                form("deny 10.0.0.0 255.0.0.0 le 80", DENY, null, UserList.ALL, AddressMask.ANY, port(Op.LE, 80), ""),
                form("permit ?=I 10.0.0.0 255.0.0.0", PERMIT, IdentMode.STRICT, UserList.ALL, AddressMask.ANY,
                        PortTest.ANY, ""),
                form("permit ?=i 10.0.0.0 255.0.0.0", PERMIT, IdentMode.LENIENT, UserList.ALL, AddressMask.ANY,
                        PortTest.ANY, ""),
                form("permit ?=n 10.0.0.0 255.0.0.0", PERMIT, IdentMode.OFF, UserList.ALL, AddressMask.ANY,
                        PortTest.ANY, ""),
                form("permit ?= 10.0.0.0 255.0.0.0", PERMIT, IdentMode.OFF, UserList.ALL, AddressMask.ANY,
                        PortTest.ANY, ""),
                form("permit *=ylee 10.0.0.0 255.0.0.0", PERMIT, null, users("ylee"), AddressMask.ANY,
                        PortTest.ANY, ""),
                form("deny *=bonnie,clyde 10.0.0.0 255.0.0.0", DENY, null, users("bonnie", "clyde"),
                        AddressMask.ANY, PortTest.ANY, ""),
                form("permit *= 10.0.0.0 255.0.0.0", PERMIT, null, UserList.ALL, AddressMask.ANY, PortTest.ANY, ""),
                form("permit ?=i *=joe 10.0.0.0 255.0.0.0 128.12.6.4 255.255.255.255 eq 23", PERMIT,
                        IdentMode.LENIENT, users("joe"), HOST, port(Op.EQ, 23), ""),
                form("deny 10.0.0.0 255.0.0.0 : mail -s 'refused %u' admin # kept",
                        DENY, null, UserList.ALL, AddressMask.ANY, PortTest.ANY, "mail -s 'refused %u' admin # kept"),
                form("\tpermit\t10.0.0.0\t255.0.0.0   # comment: no command ", PERMIT, null, UserList.ALL,
                        AddressMask.ANY, PortTest.ANY, ""));
    }

    @ParameterizedTest
    @MethodSource("fieldForms")
    void parsesEveryFieldForm(String line, Rule expected) {
        assertThat(parsed(line).rules()).containsExactly(expected);
    }

    @Test
    void aNonContiguousMaskIsKeptAsWritten() {
        assertThat(parsed("permit 10.0.0.5 255.0.0.255").rules().get(0).source())
                .isEqualTo(new AddressMask(0x0A000005, 0xFF0000FF));
    }

    @Test
    void specialLinesAreKeptAndBlankLinesSkipped() {
        RuleSet rules = parsed("""

                # comment
                #NO_IDENTD: mail -s 'please run identd on %A' admin
                permit 10.0.0.0 255.0.0.0
                #BAD_ID: mail -s '%U pretends to be %u on %A' admin
                """);
        assertThat(rules.rules()).extracting(Rule::line).containsExactly(4);
        assertThat(rules.specials()).containsExactly(
                new SpecialCommand(SpecialCommand.Kind.NO_IDENTD, 3, "mail -s 'please run identd on %A' admin"),
                new SpecialCommand(SpecialCommand.Kind.BAD_ID, 5, "mail -s '%U pretends to be %u on %A' admin"));
    }

    @Test
    void aLineOfExactly1023CharactersIsAccepted() {
        String line = "permit 10.0.0.0 255.0.0.0 #";
        line = line + "x".repeat(1023 - line.length());
        assertThat(parsed(line).rules()).hasSize(1);
    }

    private static RuleSet parsed(String text) {
        ParseResult result = PARSER.parse("sockd.conf", text);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).rules();
    }

    private static Arguments form(String line, Action action, IdentMode ident, UserList users,
            AddressMask destination, PortTest port, String command) {
        return Arguments.of(line, new Rule(1, line.strip(), action, Optional.ofNullable(ident), users, NET10,
                destination, port, command));
    }

    private static UserList users(String... names) {
        return new UserList(List.of(names));
    }

    private static PortTest port(Op op, int port) {
        return new PortTest.Compare(op, port);
    }

    private static AddressMask net(String address, String mask) {
        return new AddressMask(ipv4(address), ipv4(mask));
    }

    private static int ipv4(String dotted) {
        try {
            return ByteBuffer.wrap(InetAddress.getByName(dotted).getAddress()).getInt();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(dotted, e);
        }
    }
}
