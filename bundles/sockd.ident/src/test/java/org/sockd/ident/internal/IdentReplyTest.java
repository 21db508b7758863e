package org.sockd.ident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.api.ident.IdentResult;
import org.sockd.api.ident.IdentResult.NoUser;
import org.sockd.api.ident.IdentResult.Unreachable;
import org.sockd.api.ident.IdentResult.User;

class IdentReplyTest {

    static Stream<Arguments> answers() {
        return Stream.of(
                // USERID
                row("6191 , 1080 : USERID : UNIX : bob", new User("UNIX", "bob")),
                row("6191,1080:USERID:UNIX:bob", new User("UNIX", "bob")),
                row(" 6191\t,  1080 :USERID:  OTHER , UTF-8 :\t bob  ", new User("OTHER", "bob")),
                row("6191 , 1080 : USERID : UNIX,US-ASCII : bob", new User("UNIX", "bob")),
                row("6191 , 1080 : USERID : UNIX : a:b : c", new User("UNIX", "a:b : c")),
                row("6191 , 1080 : USERID : OTHER : Bob Smith", new User("OTHER", "Bob Smith")),
                row("6191 , 1080 : USERID : UNIX : caf\u00e9", new User("UNIX", "caf\u00e9")),
                row("6191 , 1080 : USERID : UNIX :   ", malformed("empty user-id", "6191 , 1080 : USERID : UNIX :   ")),
                row("6191 , 1080 : USERID : UNIX", malformed("missing user-id", "6191 , 1080 : USERID : UNIX")),
                row("6191 , 1080 : USERID : ,UTF-8 : bob", malformed("empty opsys", "6191 , 1080 : USERID : ,UTF-8 : bob")),
                // ERROR
                row("6191 , 1080 : ERROR : INVALID-PORT", new NoUser("INVALID-PORT")),
                row("6191 , 1080 : ERROR : NO-USER", new NoUser("NO-USER")),
                row("6191,1080:ERROR:HIDDEN-USER", new NoUser("HIDDEN-USER")),
                row("6191 , 1080 : ERROR :  UNKNOWN-ERROR\t", new NoUser("UNKNOWN-ERROR")),
                row("6191 , 1080 : ERROR : X-DENIED-BY-POLICY", new NoUser("X-DENIED-BY-POLICY")),
                row("6191 , 1080 : ERROR : X", malformed("unknown error token", "6191 , 1080 : ERROR : X")),
                row("6191 , 1080 : ERROR : no-user", malformed("unknown error token", "6191 , 1080 : ERROR : no-user")),
                row("6191 , 1080 : ERROR : NO-USER : x", malformed("extra fields", "6191 , 1080 : ERROR : NO-USER : x")),
                // ports
                row("6192 , 1080 : USERID : UNIX : bob", new Unreachable("answer for other ports: 6192 , 1080")),
                row("6191 , 1081 : ERROR : NO-USER", new Unreachable("answer for other ports: 6191 , 1081")),
                row("1080 , 6191 : USERID : UNIX : bob", new Unreachable("answer for other ports: 1080 , 6191")),
                row("6191 1080 : USERID : UNIX : bob", malformed("bad port pair", "6191 1080 : USERID : UNIX : bob")),
                row("6191 , : USERID : UNIX : bob", malformed("bad port pair", "6191 , : USERID : UNIX : bob")),
                row("6191 , 1080 , 2 : ERROR : NO-USER", malformed("bad port pair", "6191 , 1080 , 2 : ERROR : NO-USER")),
                row("-6191 , 1080 : ERROR : NO-USER", malformed("bad port pair", "-6191 , 1080 : ERROR : NO-USER")),
                row("999999 , 1080 : ERROR : NO-USER", malformed("bad port pair", "999999 , 1080 : ERROR : NO-USER")),
                // garbage
                row("", malformed("missing fields", "")),
                row("hello", malformed("missing fields", "hello")),
                row("6191 , 1080 : USERID", malformed("missing fields", "6191 , 1080 : USERID")),
                row("6191 , 1080 : USER-ID : UNIX : bob", malformed("unknown type", "6191 , 1080 : USER-ID : UNIX : bob")),
                row("6191 , 1080 : userid : UNIX : bob", malformed("unknown type", "6191 , 1080 : userid : UNIX : bob")),
                row("GET / HTTP/1.0", malformed("missing fields", "GET / HTTP/1.0")));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void parsesOneAnswerLine(String line, IdentResult expected) {
        assertThat(IdentReply.parse(line, 6191, 1080)).isEqualTo(expected);
    }

    private static Arguments row(String line, IdentResult expected) {
        return Arguments.of(line, expected);
    }

    private static Unreachable malformed(String what, String line) {
        return new Unreachable("malformed answer (" + what + "): " + line);
    }
}
