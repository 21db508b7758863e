package org.sockd.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.upstream.internal.Confs.canonical;
import static org.sockd.upstream.internal.Confs.errors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.api.upstream.Login;
import org.sockd.api.upstream.NameResolution;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamAuth;
import org.sockd.api.upstream.UpstreamProtocol;

/** {@code upstream NAME SCHEME://host[:port] options}: declarations, their defaults, and their errors. */
class UpstreamLineTest {

    @TempDir
    Path dir;

    static Stream<Arguments> goodLines() {
        return Stream.of(
                Arguments.of("upstream b socks5://127.0.0.1:11081", "upstream b socks5://127.0.0.1:11081 resolve=remote"),
                Arguments.of("upstream fw socks4://fw.example.com user=daemon connect.timeout=3 # :colons: fine",
                        "upstream fw socks4://fw.example.com resolve=local user=daemon connect.timeout=3"),
                Arguments.of("upstream v6 socks4a://[::1]:1081 resolve=remote", "upstream v6 socks4a://[::1]:1081 resolve=remote"),
                Arguments.of("upstream h http://proxy:3128 auth=forward", "upstream h http://proxy:3128 resolve=remote auth=forward"));
    }

    @ParameterizedTest
    @MethodSource("goodLines")
    void aDeclarationReadsBackInCanonicalForm(String line, String text) {
        assertThat(canonical(line + "\n")).containsExactly(text);
        assertThat(canonical(text + "\n")).containsExactly(text);
    }

    static Stream<Arguments> badLines() {
        String form = " (expected socks4|socks4a|socks5|http://host[:port], an IPv6 host in brackets)";
        return Stream.of(
                Arguments.of("upstream b", "Invalid upstream line (expected upstream NAME socks4|socks4a|socks5|"
                        + "http://host[:port] [option=value ...])"),
                Arguments.of("upstream 1b socks5://h", "Invalid upstream name \"1b\" (a letter, then letters, digits,"
                        + " '-' or '_')"),
                Arguments.of("upstream b socks6://h", "Invalid upstream URL \"socks6://h\"" + form),
                Arguments.of("upstream b socks5://[::1", "Invalid upstream URL \"socks5://[::1\"" + form),
                Arguments.of("upstream b socks5://h/x", "Invalid upstream host \"h/x\" in \"socks5://h/x\"" + form),
                Arguments.of("upstream b socks5://h:0", "Invalid port number \"0\" in \"socks5://h:0\" (1-65535)"),
                Arguments.of("upstream b socks5://h:70000", "Invalid port number \"70000\" in \"socks5://h:70000\" (1-65535)"),
                Arguments.of("upstream b http://h", "an http:// upstream names its port (\"http://h\")"),
                Arguments.of("upstream b socks5://h colour=red", "Invalid upstream option \"colour=red\" (resolve=,"
                        + " user=, auth=, password.file= or connect.timeout=, each with a value)"),
                Arguments.of("upstream b socks5://h resolve=", "Invalid upstream option \"resolve=\" (resolve=, user=,"
                        + " auth=, password.file= or connect.timeout=, each with a value)"),
                Arguments.of("upstream b socks5://h resolve=local resolve=remote", "upstream option resolve= given twice"),
                Arguments.of("upstream b socks5://h resolve=dns", "Invalid resolve= \"dns\" (local, remote or auto)"),
                Arguments.of("upstream b socks4://h resolve=remote", "a socks4:// upstream needs an address:"
                        + " resolve=local (socks4a:// passes names on)"),
                Arguments.of("upstream b socks5://h user=x", "user= is the SOCKS 4 USERID: only for socks4:// and"
                        + " socks4a:// upstreams"),
                Arguments.of("upstream b socks4a://h auth=password", "SOCKS 4 has no login: auth=password needs"
                        + " socks5:// or http://"),
                Arguments.of("upstream b socks5://h auth=magic", "Invalid auth= \"magic\" (none, password or forward)"),
                Arguments.of("upstream b socks5://h auth=password", "auth=password and password.file= go together"),
                Arguments.of("upstream b socks5://h auth=password password.file=pw", "password.file= \"pw\" is not an"
                        + " absolute path"),
                Arguments.of("upstream b socks5://h connect.timeout=0", "Invalid connect.timeout= \"0\" (whole seconds,"
                        + " 1 or more)"));
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void anInvalidDeclarationIsAnErrorNamingFileLineAndReason(String line, String reason) {
        assertThat(errors("\n" + line + "\n")).containsExactly("socks.conf:2: " + reason);
    }

    @Test
    void aNameIsDeclaredOnceAndBeforeItIsUsed() {
        assertThat(errors("upstream b socks5://h\nupstream b socks4://h\n"))
                .containsExactly("socks.conf:2: upstream \"b\" declared twice");
        assertThat(errors("sockd @=b 0.0.0.0 0.0.0.0\nupstream b socks5://h\n")).containsExactly("socks.conf:2:"
                + " upstream \"b\" declared after line 1 used it as a host name (declare upstreams before the lines"
                + " that use them)");
    }

    @Test
    void aDeclaredNameInAServerListIsThatUpstream() {
        SocksTable table = Confs.table("upstream b socks5://127.0.0.1:11081\nsockd @=b,fw 0.0.0.0 0.0.0.0\n");
        ClassicLine line = (ClassicLine) table.entries().get(0);
        assertThat(line.servers()).extracting(Upstream::protocol)
                .containsExactly(UpstreamProtocol.SOCKS5, UpstreamProtocol.SOCKS4A);
        assertThat(line.servers().get(0).resolve()).isEqualTo(NameResolution.REMOTE);
        assertThat(line.servers().get(0).connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void auth_forwardNeedsThePropertyThatAllowsIt() {
        ParseSettings strict = new ParseSettings(null, "default.server", 1080, Duration.ofSeconds(10), false,
                Marking.DEFAULT, Confs.LIMITS, Confs.SERVICES);
        assertThat(errors("upstream h http://p:3128 auth=forward\n", strict)).containsExactly("socks.conf:1:"
                + " auth=forward passes the clients' passwords on: it needs the property auth.forward.allowed=true");
    }

    @Test
    void aPrivatePasswordFileGivesTheLoginWhichNoTextShows() throws IOException {
        Path file = secret("alice:s3cret\n", "rw-------");
        SocksTable table = Confs.table("upstream d socks5://127.0.0.1:11082 auth=password password.file=" + file
                + "\nsockd @=d 0.0.0.0 0.0.0.0\n");
        Upstream upstream = table.upstreams().get(0);
        assertThat(upstream.auth()).isEqualTo(UpstreamAuth.PASSWORD);
        assertThat(upstream.login()).isEqualTo(new Login("alice", "s3cret"));
        assertThat(upstream.toString()).contains("alice").doesNotContain("s3cret");
        assertThat(table.canonical()).extracting(NumberedLine::text).noneMatch(text -> text.contains("s3cret"));
        assertThat(table.files()).containsExactly(file);
    }

    @Test
    void aPasswordFileOthersCanReadIsRefused() throws IOException {
        Path file = secret("alice:s3cret\n", "rw-r--r--");
        assertThat(errors("upstream d socks5://h auth=password password.file=" + file + "\n")).singleElement()
                .asString().isEqualTo("socks.conf:1: password file " + file + ": readable by its group and others"
                        + " (mode 0644): make it private with chmod 600 " + file);
    }

    @Test
    void aPasswordFileWithoutOneNamePasswordLineIsRefusedWithoutQuotingIt() throws IOException {
        Path file = secret("s3cret\n", "rw-------");
        assertThat(errors("upstream d socks5://h auth=password password.file=" + file + "\n"))
                .containsExactly("socks.conf:1: password file " + file + ": expected one line name:password");
        assertThat(errors("upstream d socks5://h auth=password password.file=" + dir.resolve("none") + "\n"))
                .containsExactly("socks.conf:1: Unable to open password file (" + dir.resolve("none") + "): no such file");
    }

    private Path secret(String content, String mode) throws IOException {
        Path file = Files.writeString(dir.resolve("upstream.pw"), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }
}
