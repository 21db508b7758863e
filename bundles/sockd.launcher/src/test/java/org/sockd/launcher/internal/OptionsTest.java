package org.sockd.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.api.access.IdentMode;

class OptionsTest {

    private static final Path DEFAULT_CONFIG = Path.of("/opt/sockd/config");
    private static final Path CWD = Path.of("/home/admin");

    private static Options.Parsed parse(String... args) {
        return Options.parse(List.of(args), DEFAULT_CONFIG, CWD);
    }

    @Test
    void noFlagsLeavesEverythingToTheShippedConfigurationFiles() {
        assertThat(parse()).isEqualTo(new Options.Run(new Options(null, null, List.of(), null, null, null, DEFAULT_CONFIG, null)));
    }

    @Test
    void everyFlagTogether() {
        Options.Parsed parsed = parse("-I", "-f", "rules/sockd.conf", "-l", "0.0.0.0:1080", "-l", "[::1]:1081",
                "-r", "/etc/sockd.route", "-U", "sockd.passwd", "-s", "socks.conf", "--config-dir", "etc/sockd", "--pid-file", "/run/sockd.pid");
        assertThat(parsed).isEqualTo(new Options.Run(new Options(IdentMode.STRICT,
                Path.of("/home/admin/rules/sockd.conf"),
                List.of(new InetSocketAddress("0.0.0.0", 1080), new InetSocketAddress("::1", 1081)),
                Path.of("/etc/sockd.route"), Path.of("/home/admin/sockd.passwd"), Path.of("/home/admin/socks.conf"),
                Path.of("/home/admin/etc/sockd"),
                Path.of("/run/sockd.pid"))));
    }

    @Test
    void aRepeatedIdentFlagIsNoConflict() {
        assertThat(parse("-i", "-i")).isInstanceOfSatisfying(Options.Run.class,
                run -> assertThat(run.options().identMode()).isEqualTo(IdentMode.LENIENT));
    }

    @Test
    void lenientIdentAndAnAbsoluteRulesFile() {
        assertThat(parse("-i", "-f", "/etc/sockd.conf")).isInstanceOfSatisfying(Options.Run.class, run -> {
            assertThat(run.options().identMode()).isEqualTo(IdentMode.LENIENT);
            assertThat(run.options().rulesFile()).isEqualTo(Path.of("/etc/sockd.conf"));
        });
    }

    @Test
    void verAndHelpWinWhereverTheyStand() {
        assertThat(parse("-ver")).isInstanceOf(Options.ShowVersion.class);
        assertThat(parse("-i", "-ver")).isInstanceOf(Options.ShowVersion.class);
        assertThat(parse("--help")).isInstanceOf(Options.ShowHelp.class);
        assertThat(parse("-h")).isInstanceOf(Options.ShowHelp.class);
    }

    @Test
    void capitalVTestsTheConfigurationTheOtherFlagsName() {
        assertThat(parse("-f", "/etc/sockd.conf", "-V", "-U", "/etc/sockd.passwd")).isEqualTo(new Options.Check(
                new Options(null, Path.of("/etc/sockd.conf"), List.of(), null, Path.of("/etc/sockd.passwd"),
                        null, DEFAULT_CONFIG, null)));
        assertThat(parse("-V", "-x")).isInstanceOf(Options.Invalid.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-x                 | unknown option -x",
        "-I -i              | -I and -i exclude each other",
        "-f                 | -f needs a value",
        "-l                 | -l needs a value",
        "--config-dir       | --config-dir needs a value",
        "--pid-file         | --pid-file needs a value",
        "-l 1080            | -l 1080: expected ADDR:PORT",
        "-l 127.0.0.1:70000 | -l 127.0.0.1:70000: port must be a number from 0 to 65535",
        "-l ::1:1080        | -l ::1:1080: write IPv6 addresses in brackets",
        "-l localhost:1080  | -l localhost:1080: the address must be an IPv4 or IPv6 literal",
        "-l 127.1:1080      | -l 127.1:1080: the address must be an IPv4 or IPv6 literal",
        "-l [127.0.0.1]:1080 | -l [127.0.0.1]:1080: only IPv6 addresses go in brackets",
        "--verbose          | unknown option --verbose",
    })
    void invalidCommandLinesSayWhatIsWrong(String args, String message) {
        assertThat(parse(args.trim().split(" "))).isInstanceOfSatisfying(Options.Invalid.class,
                invalid -> assertThat(invalid.message()).startsWith(message));
    }

    @Test
    void theUsageNamesEveryFlag() {
        assertThat(Options.USAGE).contains("-ver", "-I", "-i", "-f FILE", "-r FILE", "-U FILE", "-l ADDR:PORT",
                "--config-dir DIR", "--pid-file FILE");
    }

    @Test
    void theUsageEndsByPointingToTheManualPages() {
        assertThat(Options.USAGE.strip().lines().toList().getLast()).contains("man/", "man -l man/sockd.8");
        assertThat(Options.USAGE).contains("sockd(8)", "sockd.conf(5)");
    }
}
