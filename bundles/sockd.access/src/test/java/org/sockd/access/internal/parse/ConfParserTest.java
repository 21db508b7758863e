package org.sockd.access.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.access.internal.rule.Action.DENY;
import static org.sockd.access.internal.rule.Action.PERMIT;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.access.internal.rule.Action;
import org.sockd.access.internal.rule.AddressMask;
import org.sockd.access.internal.rule.AddressPattern;
import org.sockd.access.internal.rule.Rule;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.access.internal.rule.SpecialCommand;
import org.sockd.api.access.IdentActions;
import org.sockd.api.access.IdentMode;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.LoadResult;
import org.sockd.common.rules.Op;
import org.sockd.common.rules.PortTest;
import org.sockd.common.rules.UserList;

class ConfParserTest {

    private static final ConfParser PARSER =
            new ConfParser(Services.parse(List.of("ftp 21/tcp", "telnet 23/tcp")));
    private static final AddressMask NET10 = net("10.0.0.0", "255.0.0.0");
    private static final AddressMask HOST = net("128.12.6.4", "255.255.255.255");

    static Stream<Arguments> fieldForms() {
        return Stream.of(
                form("permit 10.0.0.0 255.0.0.0", PERMIT, null, UserList.ANYONE, AddressMask.ANY, PortTest.ANY, null),
                form("DENY 10.0.0.0 255.0.0.0", DENY, null, UserList.ANYONE, AddressMask.ANY, PortTest.ANY, null),
                form("Permit 10.0.0.0 255.0.0.0 137.12.0.0 255.255.0.0", PERMIT, null, UserList.ANYONE,
                        net("137.12.0.0", "255.255.0.0"), PortTest.ANY, null),
                form("permit 10.0.0.0 255.0.0.0 lt 1024", PERMIT, null, UserList.ANYONE, AddressMask.ANY,
                        port(Op.LT, 1024), null),
                form("permit 10.0.0.0 255.0.0.0 0.0.0.0 0.0.0.0 GE 1024", PERMIT, null, UserList.ANYONE,
                        AddressMask.ANY, port(Op.GE, 1024), null),
                form("deny 10.0.0.0 255.0.0.0 eq telnet", DENY, null, UserList.ANYONE, AddressMask.ANY,
                        port(Op.EQ, 23), null),
                form("deny 10.0.0.0 255.0.0.0 Neq 0", DENY, null, UserList.ANYONE, AddressMask.ANY, port(Op.NEQ, 0), null),
                form("deny 10.0.0.0 255.0.0.0 gt 65535", DENY, null, UserList.ANYONE, AddressMask.ANY,
                        port(Op.GT, 65535), null),
                form("deny 10.0.0.0 255.0.0.0 le 80", DENY, null, UserList.ANYONE, AddressMask.ANY, port(Op.LE, 80), null),
                form("permit ?=I 10.0.0.0 255.0.0.0", PERMIT, IdentMode.STRICT, UserList.ANYONE, AddressMask.ANY,
                        PortTest.ANY, null),
                form("permit ?=i 10.0.0.0 255.0.0.0", PERMIT, IdentMode.LENIENT, UserList.ANYONE, AddressMask.ANY,
                        PortTest.ANY, null),
                form("permit ?=n 10.0.0.0 255.0.0.0", PERMIT, IdentMode.OFF, UserList.ANYONE, AddressMask.ANY,
                        PortTest.ANY, null),
                form("permit ?= 10.0.0.0 255.0.0.0", PERMIT, IdentMode.OFF, UserList.ANYONE, AddressMask.ANY,
                        PortTest.ANY, null),
                form("permit *=ylee 10.0.0.0 255.0.0.0", PERMIT, null, users("ylee"), AddressMask.ANY,
                        PortTest.ANY, null),
                form("deny *=bonnie,clyde 10.0.0.0 255.0.0.0", DENY, null, users("bonnie", "clyde"),
                        AddressMask.ANY, PortTest.ANY, null),
                form("permit *= 10.0.0.0 255.0.0.0", PERMIT, null, UserList.ANYONE, AddressMask.ANY, PortTest.ANY, null),
                form("permit ?=i *=joe 10.0.0.0 255.0.0.0 128.12.6.4 255.255.255.255 eq 23", PERMIT,
                        IdentMode.LENIENT, users("joe"), HOST, port(Op.EQ, 23), null),
                form("deny 10.0.0.0 255.0.0.0 : mail -s 'refused %u' admin # kept",
                        DENY, null, UserList.ANYONE, AddressMask.ANY, PortTest.ANY, "mail -s 'refused %u' admin # kept"),
                form("\tpermit\t10.0.0.0\t255.0.0.0   # comment: no command ", PERMIT, null, UserList.ANYONE,
                        AddressMask.ANY, PortTest.ANY, null));
    }

    @ParameterizedTest
    @MethodSource("fieldForms")
    void parsesEveryFieldForm(String line, Rule expected) {
        assertThat(parsed(line).rules()).containsExactly(expected);
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("permit 10.0.0.0 255.0.0.0", null),
                Arguments.of("permit 10.0.0.0 255.0.0.0 :", null),
                Arguments.of("permit 10.0.0.0 255.0.0.0 : \t ", null),
                Arguments.of("permit 10.0.0.0 255.0.0.0:echo %u", "echo %u"),
                Arguments.of("permit 10.0.0.0 255.0.0.0 : a:b # c", "a:b # c"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aBlankCommandIsNoCommand(String line, String command) {
        assertThat(parsed(line).rules().get(0).command()).isEqualTo(Optional.ofNullable(command));
    }

    @Test
    void theFirstSpecialLineOfEachKindIsTheOneUsed() {
        RuleSet rules = parsed("""
                #BAD_ID: mail -s 'first bad id' admin
                permit 10.0.0.0 255.0.0.0
                #NO_IDENTD: mail -s 'first no identd' admin
                #NO_IDENTD: mail -s 'second' admin
                #BAD_ID: mail -s 'second' admin
                """);
        assertThat(rules.identActions()).isEqualTo(
                new IdentActions("mail -s 'first no identd' admin", "mail -s 'first bad id' admin"));
        assertThat(parsed("permit 10.0.0.0 255.0.0.0\n#NO_IDENTD:\n").identActions()).isEqualTo(IdentActions.NONE);
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
        LoadResult<RuleSet> result = PARSER.parse("sockd.conf", text);
        assertThat(result).isInstanceOf(LoadResult.Valid.class);
        return ((LoadResult.Valid<RuleSet>) result).content();
    }

    private static Arguments form(String line, Action action, IdentMode ident, UserList users,
            AddressPattern destination, PortTest port, String command) {
        return Arguments.of(line, new Rule(1, line.strip(), action, Optional.ofNullable(ident), users, NET10,
                destination, port, Optional.ofNullable(command)));
    }

    private static UserList users(String... names) {
        return new UserList.Listed(Set.of(names), List.of());
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
