package org.sockd.route.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.sockd.common.files.FrozenName;

/**
 * The classic make_sockdfr and dump_sockdfr, run as {@code bin/sockd make-fr [IN [OUT]]} and
 * {@code bin/sockd dump-fr [FILE]}: a plain program, no daemon needed.
 */
public final class RouteFrozenTool {

    static final String USAGE = """
            usage: sockd make-fr [IN [OUT]]   freeze IN (default config/sockd.route) into OUT (default: IN with .fr)
                   sockd dump-fr [FILE]       print a frozen file (default config/sockd.fr) as sockd.route text
            """;

    private RouteFrozenTool() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("sockd.home", "."));
        System.exit(run(List.of(args), home.resolve("config/sockd.route"), System.out, System.err));
    }

    static int run(List<String> args, Path defaultText, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.size() > 3 || (args.get(0).equals("dump-fr") && args.size() > 2)) {
            err.print(USAGE);
            return 2;
        }
        return switch (args.get(0)) {
            case "make-fr" -> {
                Path in = args.size() > 1 ? Path.of(args.get(1)) : defaultText;
                yield make(in, args.size() > 2 ? Path.of(args.get(2)) : FrozenName.ofRoute(in), out, err);
            }
            case "dump-fr" -> dump(args.size() > 1 ? Path.of(args.get(1)) : FrozenName.ofRoute(defaultText), out, err);
            default -> {
                err.print(USAGE);
                yield 2;
            }
        };
    }

    /**
     * The text is checked exactly as the daemon checks it, interfaces included; a file with any
     * error is not frozen.
     */
    private static int make(Path in, Path out, PrintStream stdout, PrintStream err) {
        if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            err.println("sockd make-fr: the frozen file would overwrite " + in);
            return 2;
        }
        LoadResult result = RouteParser.parseFile(in.toAbsolutePath().normalize());
        if (result instanceof LoadResult.Loaded loaded) {
            List<RouteError> errors = LocalCheck.errors(loaded.table(), LocalAddresses.system());
            result = errors.isEmpty() ? result : new LoadResult.Invalid(errors);
        }
        return switch (result) {
            case LoadResult.Invalid invalid -> {
                invalid.errors().forEach(err::println);
                err.println("sockd make-fr: " + in + " has " + invalid.errors().size() + " error(s); " + out + " not written");
                yield 1;
            }
            case LoadResult.Loaded loaded -> write(loaded.table(), out, stdout, err);
        };
    }

    /** Written beside the target and moved over it, so a daemon never reads half a file. */
    private static int write(RouteTable table, Path out, PrintStream stdout, PrintStream err) {
        try {
            Path absolute = out.toAbsolutePath();
            Path temporary = Files.createTempFile(absolute.getParent(), ".sockd-fr", ".tmp");
            Files.write(temporary, FrozenRouteWriter.write(table));
            copyPermissions(Path.of(table.source()), temporary);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            stdout.println("froze " + table.lines().size() + " routes from " + table.source() + " into " + out);
            return 0;
        } catch (IOException e) {
            err.println("sockd make-fr: cannot write " + out + ": " + e.getMessage());
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
            err.println("sockd dump-fr: Cannot open " + file);
            return 1;
        }
        return switch (RouteFiles.readFrozen(file)) {
            case LoadResult.Invalid invalid -> {
                invalid.errors().forEach(err::println);
                yield 1;
            }
            case LoadResult.Loaded loaded -> {
                out.print(text(loaded.table(), file));
                yield 0;
            }
        };
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
}
