package org.sockd.access.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.sockd.access.internal.parse.CanonicalText;
import org.sockd.access.internal.parse.ConfParser;
import org.sockd.access.internal.parse.FrozenWriter;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.common.files.FrozenName;
import org.sockd.common.frozen.FreezeTool.Frozen;
import org.sockd.common.frozen.FreezeTool.Outcome;
import org.sockd.common.frozen.FreezeTool;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.LoadResult;

/**
 * The classic make_sockdfc and dump_sockdfc, run as {@code bin/sockd make-fc [IN [OUT]]} and
 * {@code bin/sockd dump-fc [FILE]}: a plain program, no daemon needed.
 */
public final class FrozenTool {

    static final String USAGE = """
            usage: sockd make-fc [IN [OUT]]   freeze IN (default config/sockd.conf) into OUT (default: IN with .fc)
                   sockd dump-fc [FILE]       print a frozen file (default config/sockd.fc) as sockd.conf text
            """;

    private FrozenTool() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("sockd.home", "."));
        System.exit(run(List.of(args), home.resolve("config/sockd.conf"), System.out, System.err));
    }

    static int run(List<String> args, Path defaultText, PrintStream out, PrintStream err) {
        return new FreezeTool("fc", FrozenName::of, USAGE, text -> freeze(text, err), file -> dump(file, err))
                .run(args, defaultText, out, err);
    }

    /** The text is parsed exactly as the daemon parses it. */
    private static Outcome<Frozen> freeze(Path text, PrintStream err) {
        return outcome(parser(err).parseFile(text.toAbsolutePath()))
                .map(rules -> new Frozen(FrozenWriter.write(rules), rules.source(), rules.rules().size() + " rules"));
    }

    private static Outcome<String> dump(Path file, PrintStream err) {
        return outcome(parser(err).load(file)).map(rules -> CanonicalText.of(rules, file.toString()));
    }

    /** @param err where unreadable user files are reported */
    private static ConfParser parser(PrintStream err) {
        return new ConfParser(Services.system(), message -> err.println("sockd: " + message));
    }

    private static Outcome<RuleSet> outcome(LoadResult<RuleSet> result) {
        return result.fold(Outcome.Valid::new, Outcome.Invalid::new);
    }
}
