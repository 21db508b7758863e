package org.sockd.access.internal;

import org.sockd.common.files.FrozenName;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.sockd.access.internal.parse.CanonicalText;
import org.sockd.access.internal.parse.ConfParser;
import org.sockd.access.internal.parse.FrozenWriter;
import org.sockd.access.internal.parse.ParseResult;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.common.netdb.Services;

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
        if (args.isEmpty() || args.size() > 3 || (args.get(0).equals("dump-fc") && args.size() > 2)) {
            err.print(USAGE);
            return 2;
        }
        return switch (args.get(0)) {
            case "make-fc" -> {
                Path in = args.size() > 1 ? Path.of(args.get(1)) : defaultText;
                yield make(in, args.size() > 2 ? Path.of(args.get(2)) : FrozenName.of(in), out, err);
            }
            case "dump-fc" -> dump(args.size() > 1 ? Path.of(args.get(1)) : FrozenName.of(defaultText), out, err);
            default -> {
                err.print(USAGE);
                yield 2;
            }
        };
    }

    /** The text is parsed exactly as the daemon parses it; a file with any error is not frozen. */
    private static int make(Path in, Path out, PrintStream stdout, PrintStream err) {
        if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            err.println("sockd make-fc: the frozen file would overwrite " + in);
            return 2;
        }
        switch (parser(err).parseFile(in.toAbsolutePath())) {
            case ParseResult.Invalid invalid -> {
                invalid.errors().forEach(error -> err.println(error));
                err.println("sockd make-fc: " + in + " has " + invalid.errors().size() + " error(s); " + out + " not written");
                return 1;
            }
            case ParseResult.Parsed parsed -> {
                return write(parsed.rules(), out, stdout, err);
            }
        }
    }

    /** Written beside the target and moved over it, so a daemon never reads half a file. */
    private static int write(RuleSet rules, Path out, PrintStream stdout, PrintStream err) {
        try {
            Path absolute = out.toAbsolutePath();
            Path temporary = Files.createTempFile(absolute.getParent(), ".sockd-fc", ".tmp");
            Files.write(temporary, FrozenWriter.write(rules));
            copyPermissions(Path.of(rules.source()), temporary);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            stdout.println("froze " + rules.rules().size() + " rules from " + rules.source() + " into " + out);
            return 0;
        } catch (IOException e) {
            err.println("sockd make-fc: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
    }

    /** A temporary file is private; the frozen file should be as readable as the text it replaces. */
    private static void copyPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions stay
        }
    }

    private static int dump(Path file, PrintStream out, PrintStream err) {
        if (!Files.exists(file)) {
            err.println("sockd dump-fc: Cannot open " + file);
            return 1;
        }
        return switch (parser(err).load(file)) {
            case ParseResult.Invalid invalid -> {
                invalid.errors().forEach(error -> err.println(error));
                yield 1;
            }
            case ParseResult.Parsed parsed -> {
                out.print(CanonicalText.of(parsed.rules(), file.toString()));
                yield 0;
            }
        };
    }

    private static ConfParser parser(PrintStream err) {
        return new ConfParser(Services.system(), message -> err.println("sockd: " + message));
    }
}
