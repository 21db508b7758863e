package org.sockd.access.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.access.internal.rule.SpecialCommand.Kind;

class LineLexerTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("", new Lexed.Blank()),
                Arguments.of(" \t ", new Lexed.Blank()),
                Arguments.of("# a comment: with a colon", new Lexed.Blank()),
                Arguments.of("   # indented comment", new Lexed.Blank()),
                Arguments.of("a  b\tc\t\td", fields("", "a", "b", "c", "d")),
                Arguments.of("a\fb\013c", fields("", "a", "b", "c")),
                Arguments.of("a b # c : d", fields("", "a", "b")),
                Arguments.of("a b : cmd # not a comment", fields("cmd # not a comment", "a", "b")),
                Arguments.of("a b:cmd\targ", fields("cmd\targ", "a", "b")),
                Arguments.of(":", fields("")),
                Arguments.of(": cmd", fields("cmd")),
                Arguments.of("#NO_IDENTD: mail -s 'run identd on %A' admin",
                        new Lexed.Special(Kind.NO_IDENTD, "mail -s 'run identd on %A' admin")),
                Arguments.of("#BAD_ID:mail root", new Lexed.Special(Kind.BAD_ID, "mail root")),
                Arguments.of(" #NO_IDENTD: mail root", new Lexed.Blank()),
                Arguments.of("#no_identd: mail root", new Lexed.Blank()),
                Arguments.of("#BAD_ID mail root", new Lexed.Blank()));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void lexesALine(String line, Lexed expected) {
        assertThat(LineLexer.lex(line)).isEqualTo(expected);
    }

    private static Lexed fields(String command, String... fields) {
        return new Lexed.Fields(List.of(fields), command);
    }
}
