package org.sockd.route.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.sockd.common.files.FrozenName;
import org.sockd.common.frozen.FreezeTool.Frozen;
import org.sockd.common.frozen.FreezeTool.Outcome;
import org.sockd.common.frozen.FreezeTool;
import org.sockd.common.reload.LoadResult;

/**
 * The classic make_sockdfr and dump_sockdfr, run as {@code bin/sockd make-fr [IN [OUT]]} and
 * {@code bin/sockd dump-fr [FILE]}: a plain program, no daemon needed.
 */
public final class RouteFrozenTool {

    static final String USAGE = """
            usage: sockd make-fr [IN [OUT]]   freeze IN (default config/sockd.route) into OUT (default: IN with .fr)
                   sockd dump-fr [FILE]       print a frozen file (default config/sockd.fr) as sockd.route text
            """;
    private static final FreezeTool TOOL = new FreezeTool("fr", FrozenName::ofRoute, USAGE,
            RouteFrozenTool::freeze, RouteFrozenTool::dump);

    private RouteFrozenTool() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("sockd.home", "."));
        System.exit(run(List.of(args), home.resolve("config/sockd.route"), System.out, System.err));
    }

    static int run(List<String> args, Path defaultText, PrintStream out, PrintStream err) {
        return TOOL.run(args, defaultText, out, err);
    }

    /** The table as route file text, from the compiled form, so that {@code dump-fr | make-fr} round-trips. */
    static String text(RouteTable table, Path frozenFile) {
        StringBuilder text = new StringBuilder()
                .append("# ").append(frozenFile).append(": frozen sockd.route, format version ")
                .append(FrozenRouteFormat.VERSION).append('\n')
                .append("# made from ").append(table.source()).append(", ").append(table.lines().size())
                .append(" routes; masks compare their 1-bits\n");
        table.lines().forEach(line -> text.append(line.text()).append('\n'));
        return text.toString();
    }

    /** The text is checked exactly as the daemon checks it, interfaces included. */
    private static Outcome<Frozen> freeze(Path text) {
        return outcome(LocalCheck.checked(RouteParser.parseFile(text.toAbsolutePath().normalize()),
                LocalAddresses.system())).map(table -> new Frozen(FrozenRouteWriter.write(table), table.source(),
                table.lines().size() + " routes"));
    }

    private static Outcome<String> dump(Path file) {
        return outcome(RouteFiles.readFrozen(file)).map(table -> text(table, file));
    }

    private static Outcome<RouteTable> outcome(LoadResult<RouteTable> result) {
        return result.fold(Outcome.Valid::new, Outcome.Invalid::new);
    }
}
