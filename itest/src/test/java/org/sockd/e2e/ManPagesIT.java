package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manual pages in {@code man/}: mandoc finds no warning or error in any of them, their
 * references to each other resolve, and sockd(8) names every flag {@code bin/sockd -h} prints and
 * every tool {@code bin/sockd} runs, so that the page cannot fall behind the code unnoticed; the
 * pages {@code bin/sockd -h} points to are there.
 * Needs mandoc (Debian package {@code mandoc}): CI installs it ({@code .ci/run}) and fails without
 * it; elsewhere the test is skipped without it.
 */
class ManPagesIT {

    private static final Path MAN = Build.ROOT.resolve("man");
    /** The pages the README and each other's SEE ALSO promise. */
    private static final List<String> PAGES = List.of("sockd.8", "sockd.conf.5", "sockd.route.5", "sockd.passwd.5",
            "socks.conf.5", "sockd-freeze.8");
    /** A flag as a word of its own: -f, -ver, --config-dir. */
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])(--?[A-Za-z][\\w-]*)");
    /** A case of bin/sockd's dispatch to a tool: {@code make-fc|dump-fc) run_tool ...}. */
    private static final Pattern TOOL_CASE = Pattern.compile("(?m)^\\s*([a-z][a-z|-]*)\\)\\s*run_tool\\b");
    /** A page as the usage names it: {@code sockd.conf(5)}. */
    private static final Pattern USAGE_PAGE = Pattern.compile("(sockd[\\w.-]*|socks\\.conf)\\(([1-9])\\)");
    /** A reference to a page of this project in roff: {@code .Xr sockd.conf 5}. */
    private static final Pattern XR = Pattern.compile("(?m)^\\.Xr (sockd[\\w.-]*) ([1-9])");

    @TempDir
    static Path emptyManPath;

    @BeforeAll
    static void requireMandoc() {
        if (Programs.onPath("mandoc")) {
            return;
        }
        String message = "mandoc is not on the PATH: apt-get install mandoc";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " (.ci/run installs it in CI, where the pages must be checked)");
        }
        Assumptions.abort(message);
    }

    @Test
    void everyPageIsThereAndMandocFindsNoWarningOrError() throws Exception {
        List<Path> pages = pages();
        assertThat(pages).as("the pages in " + MAN).extracting(page -> page.getFileName().toString())
                .containsAll(PAGES);
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            String name = page.getFileName().toString();
            if (!name.matches(".+\\.[1-9]")) {
                problems.add(name + ": not named as a manual page, NAME.SECTION");
                continue;
            }
            // An empty MANPATH: whether other manuals are installed on this host is no finding.
            ProgramResult lint = ProgramResult.run(
                    mandoc(List.of("-Tlint", "-W", "warning", page.toString())), null, 60);
            if (lint.exitCode() != 0 || !lint.out().isBlank() || !lint.err().isBlank()) {
                problems.add(name + ": mandoc -Tlint -W warning: " + lint);
            }
        }
        assertThat(problems).as("mandoc's findings in " + MAN).isEmpty();
    }

    @Test
    void theReferencesBetweenThePagesResolve() throws Exception {
        Set<String> present = new TreeSet<>();
        pages().forEach(page -> present.add(page.getFileName().toString()));
        List<String> dangling = new ArrayList<>();
        for (Path page : pages()) {
            Matcher reference = XR.matcher(Files.readString(page));
            while (reference.find()) {
                String target = reference.group(1) + "." + reference.group(2);
                if (!present.contains(target)) {
                    dangling.add(page.getFileName() + " refers to " + target);
                }
            }
        }
        assertThat(dangling).as("references to pages that are not in " + MAN).isEmpty();
    }

    @Test
    void sockd8NamesEveryFlagTheUsagePrints() throws Exception {
        ProgramResult help = ProgramResult.run(
                ScriptProcess.builder(List.of(ScriptProcess.script("sockd"), "-h"), Map.of()), null, 180);
        assertThat(help.exitCode()).as("bin/sockd -h: " + help).isZero();
        Set<String> flags = new TreeSet<>();
        Matcher flag = FLAG.matcher(help.out());
        while (flag.find()) {
            flags.add(flag.group(1));
        }
        assertThat(flags).as("flags in the usage of bin/sockd -h: " + help).contains("-ver", "-f", "-h");
        String page = rendered("sockd.8");
        assertThat(flags).as("flags of bin/sockd -h missing from man/sockd.8")
                .allMatch(name -> containsWord(page, name));
    }

    @Test
    void theUsagePointsToPagesThatAreThere() throws Exception {
        ProgramResult help = ProgramResult.run(
                ScriptProcess.builder(List.of(ScriptProcess.script("sockd"), "-h"), Map.of()), null, 180);
        assertThat(help.exitCode()).as("bin/sockd -h: " + help).isZero();
        Set<String> named = new TreeSet<>();
        Matcher reference = USAGE_PAGE.matcher(help.out());
        while (reference.find()) {
            named.add(reference.group(1) + "." + reference.group(2));
        }
        assertThat(named).as("pages named by bin/sockd -h: " + help).contains("sockd.8", "sockd.conf.5");
        assertThat(named).as("pages bin/sockd -h names that are not in " + MAN)
                .allMatch(name -> Files.isRegularFile(MAN.resolve(name)));
    }

    @Test
    void sockd8NamesEveryToolOfTheScript() throws Exception {
        Set<String> tools = new TreeSet<>();
        Matcher dispatch = TOOL_CASE.matcher(Files.readString(Build.ROOT.resolve("bin/sockd")));
        while (dispatch.find()) {
            tools.addAll(List.of(dispatch.group(1).split("\\|")));
        }
        assertThat(tools).as("the tools bin/sockd runs").contains("ctl", "passwd", "make-fc", "dump-fc");
        String page = rendered("sockd.8");
        assertThat(tools).as("tools of bin/sockd missing from man/sockd.8").allMatch(name -> containsWord(page, name));
    }

    /** @return the page as a terminal shows it, without the overstrike of bold and underline, on long lines */
    private static String rendered(String name) throws IOException, InterruptedException {
        ProgramResult text = ProgramResult.run(
                mandoc(List.of("-Tascii", "-O", "width=300", MAN.resolve(name).toString())), null, 60);
        assertThat(text.exitCode()).as("mandoc -Tascii " + name + ": " + text).isZero();
        return text.out().replaceAll(".\b", "");
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(word) + "(?![\\w-])").matcher(text).find();
    }

    private static ProcessBuilder mandoc(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("mandoc"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("MANPATH", emptyManPath.toString());
        return builder;
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(MAN)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
