package org.sockd.upstream.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.sockd.api.upstream.TryLimits;
import org.sockd.common.files.FrozenName;
import org.sockd.common.frozen.FreezeTool;
import org.sockd.common.frozen.FreezeTool.Frozen;
import org.sockd.common.frozen.FreezeTool.Outcome;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.LoadResult;

/**
 * The classic make_socksfc and dump_socksfc, run as {@code bin/sockd make-socksfc [IN [OUT]]} and
 * {@code bin/sockd dump-socksfc [FILE]}: a plain program, no daemon needed. Lines are checked with
 * the default settings and {@code $SOCKS_SERVER} as the default server.
 */
public final class SocksFrozenTool {

    static final String USAGE = """
            usage: sockd make-socksfc [IN [OUT]]   freeze IN (default config/socks.conf) into OUT (default: IN with .fc)
                   sockd dump-socksfc [FILE]       print a frozen file (default config/socks.fc) as socks.conf text
            """;

    private SocksFrozenTool() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("sockd.home", "."));
        System.exit(run(List.of(args), home.resolve("config/socks.conf"), settings(System.getenv("SOCKS_SERVER")),
                System.out, System.err));
    }

    static int run(List<String> args, Path defaultText, ParseSettings settings, PrintStream out, PrintStream err) {
        Consumer<String> notices = notice -> err.println("sockd: " + notice);
        FreezeTool tool = new FreezeTool("socksfc", FrozenName::of, USAGE,
                text -> outcome(SocksConfParser.parseFile(text.toAbsolutePath().normalize(), settings, notices))
                        .map(table -> new Frozen(FrozenSocksConf.write(table), table.source(),
                                table.canonical().size() + " lines")),
                file -> outcome(FrozenSocksConf.read(file, settings, notices)).map(table -> text(table, file)));
        return tool.run(args, defaultText, out, err);
    }

    /** The daemon's defaults, with the default server from the environment as the daemon would take it. */
    static ParseSettings settings(String socksServer) {
        Services services = Services.system();
        String servers = socksServer == null || socksServer.isBlank() ? null : socksServer.strip();
        return new ParseSettings(servers, "SOCKS_SERVER", ParseSettings.defaultPort(0, services), Duration.ofSeconds(10),
                true, Marking.DEFAULT, new TryLimits(8, Duration.ofSeconds(30)), services);
    }

    /** The lines as socks.conf text, from the frozen form, so that {@code dump-socksfc | make-socksfc} round-trips. */
    static String text(SocksTable table, Path frozenFile) {
        StringBuilder text = new StringBuilder()
                .append("# ").append(frozenFile).append(": frozen socks.conf, format version ")
                .append(FrozenSocksConf.VERSION).append('\n')
                .append("# made from ").append(table.source()).append(", ").append(table.canonical().size())
                .append(" lines; masks compare their 1-bits\n");
        table.canonical().forEach(line -> text.append(line.text()).append('\n'));
        return text.toString();
    }

    private static Outcome<SocksTable> outcome(LoadResult<SocksTable> result) {
        return result.fold(Outcome.Valid::new, Outcome.Invalid::new);
    }
}
