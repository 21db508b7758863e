package org.sockd.common.frozen;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The classic pair of programs that freeze a rules file and print a frozen one back as text
 * (make_sockdfc and dump_sockdfc, make_sockdfr and dump_sockdfr), run as
 * {@code bin/sockd make-SUFFIX [IN [OUT]]} and {@code bin/sockd dump-SUFFIX [FILE]}: a plain program,
 * no daemon needed. Exit status: 0 done, 1 the file has errors or cannot be read or written, 2 wrong
 * arguments.
 */
public final class FreezeTool {

    /** What reading a file gave: all of it, or the errors that refuse it. */
    public sealed interface Outcome<T> {

        record Valid<T>(T content) implements Outcome<T> {
        }

        /** @param errors at least one, each printed on a line of its own */
        record Invalid<T>(List<?> errors) implements Outcome<T> {
            public Invalid {
                errors = List.copyOf(errors);
                if (errors.isEmpty()) {
                    throw new IllegalArgumentException("an invalid file has at least one error");
                }
            }
        }

        /** @return the valid content made into something else; the errors as they are */
        default <R> Outcome<R> map(Function<? super T, ? extends R> valid) {
            return switch (this) {
                case Valid<T> v -> new Valid<>(valid.apply(v.content()));
                case Invalid<T> invalid -> new Invalid<>(invalid.errors());
            };
        }
    }

    /**
     * @param bytes the whole frozen file
     * @param source the text file it was made from, whose permissions it gets
     * @param size how much it holds, e.g. "4 routes"
     */
    public record Frozen(byte[] bytes, String source, String size) {
    }

    private final String make;
    private final String dump;
    private final String suffix;
    private final UnaryOperator<Path> frozenName;
    private final String usage;
    private final Function<Path, Outcome<Frozen>> freeze;
    private final Function<Path, Outcome<String>> text;

    /**
     * @param suffix the ending of frozen file names, e.g. "fc": the commands are make-fc and dump-fc
     * @param frozenName where the frozen form of a text file goes when no file is named
     * @param usage printed for wrong arguments
     * @param freeze reads and checks a text file exactly as the daemon does: a file with any error
     *        is not frozen
     * @param text reads a file to print (a frozen file, or whatever the daemon would read in its
     *        place) as text that make reads back, headed by a comment on the file
     */
    public FreezeTool(String suffix, UnaryOperator<Path> frozenName, String usage,
            Function<Path, Outcome<Frozen>> freeze, Function<Path, Outcome<String>> text) {
        this.make = "make-" + suffix;
        this.dump = "dump-" + suffix;
        this.suffix = suffix;
        this.frozenName = frozenName;
        this.usage = usage;
        this.freeze = freeze;
        this.text = text;
    }

    /**
     * @param args the command, then its files
     * @param defaultText the text file when none is named ({@code config/...} under the sockd home)
     * @return the exit status
     */
    public int run(List<String> args, Path defaultText, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.size() > 3 || (args.get(0).equals(dump) && args.size() > 2)) {
            err.print(usage);
            return 2;
        }
        String command = args.get(0);
        if (command.equals(make)) {
            Path in = args.size() > 1 ? Path.of(args.get(1)) : defaultText;
            return make(in, args.size() > 2 ? Path.of(args.get(2)) : frozenName.apply(in), out, err);
        }
        if (command.equals(dump)) {
            return dump(args.size() > 1 ? Path.of(args.get(1)) : frozenName.apply(defaultText), out, err);
        }
        err.print(usage);
        return 2;
    }

    private int make(Path in, Path out, PrintStream stdout, PrintStream err) {
        if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            err.println("sockd " + make + ": the frozen file would overwrite " + in);
            return 2;
        }
        return switch (freeze.apply(in)) {
            case Outcome.Invalid<Frozen> invalid -> {
                invalid.errors().forEach(err::println);
                err.println("sockd " + make + ": " + in + " has " + invalid.errors().size() + " error(s); " + out
                        + " not written");
                yield 1;
            }
            case Outcome.Valid<Frozen> valid -> write(valid.content(), out, stdout, err);
        };
    }

    /** Written beside the target and moved over it, so a daemon never reads half a file. */
    private int write(Frozen frozen, Path out, PrintStream stdout, PrintStream err) {
        try {
            Path absolute = out.toAbsolutePath();
            Path temporary = Files.createTempFile(absolute.getParent(), ".sockd-" + suffix, ".tmp");
            Files.write(temporary, frozen.bytes());
            copyPermissions(Path.of(frozen.source()), temporary);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            stdout.println("froze " + frozen.size() + " from " + frozen.source() + " into " + out);
            return 0;
        } catch (IOException e) {
            err.println("sockd " + make + ": cannot write " + out + ": " + e.getMessage());
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

    private int dump(Path file, PrintStream out, PrintStream err) {
        if (!Files.exists(file)) {
            err.println("sockd " + dump + ": Cannot open " + file);
            return 1;
        }
        return switch (text.apply(file)) {
            case Outcome.Invalid<String> invalid -> {
                invalid.errors().forEach(err::println);
                yield 1;
            }
            case Outcome.Valid<String> valid -> {
                out.print(valid.content());
                yield 0;
            }
        };
    }
}
