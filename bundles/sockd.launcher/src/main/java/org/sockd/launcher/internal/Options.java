package org.sockd.launcher.internal;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sockd.api.access.IdentMode;

/**
 * The command line, classic flags first.
 *
 * @param identMode the daemon-wide ident check ({@code -I} strict, {@code -i} lenient)
 * @param rulesFile the access rules file ({@code -f})
 * @param listen where to accept clients ({@code -l}, repeatable)
 * @param routeFile the route file of a multi-homed host ({@code -r}), or {@code null}: single-homed
 * @param passwordFile the SOCKS 5 password file ({@code -U}), or {@code null}: no authentication
 */
record Options(IdentMode identMode, Path rulesFile, List<InetSocketAddress> listen, Path routeFile, Path passwordFile) {

    static final String USAGE = """
            usage: sockd [-ver] [-I | -i] [-f FILE] [-r FILE] [-U FILE] [-l ADDR:PORT]...
              -ver          print version facts and exit
              -I            strict ident checks: refuse when identd cannot confirm the user
              -i            lenient ident checks: refuse only when identd names another user
              -f FILE       access rules file (default: config/sockd.conf)
              -r FILE       route file of a multi-homed host (default: none, the system chooses)
              -U FILE       require SOCKS 5 username/password from this password file
              -l ADDR:PORT  listen address, repeatable; IPv6 as [::1]:1080 (default: 127.0.0.1:1080)
              -h, --help    print this help and exit
            """;

    static final InetSocketAddress DEFAULT_LISTEN = new InetSocketAddress("127.0.0.1", 1080);

    Options {
        listen = List.copyOf(listen);
    }

    /** What the command line asks for. */
    sealed interface Parsed {
    }

    record Run(Options options) implements Parsed {
    }

    record ShowVersion() implements Parsed {
    }

    record ShowHelp() implements Parsed {
    }

    /** @param message what is wrong, naming the offending argument */
    record Invalid(String message) implements Parsed {
    }

    /**
     * @param args the arguments
     * @param defaultRules the rules file when {@code -f} is absent
     * @param cwd the directory relative file names are taken from
     */
    static Parsed parse(List<String> args, Path defaultRules, Path cwd) {
        IdentMode ident = IdentMode.OFF;
        Path rules = defaultRules;
        Path routes = null;
        Path passwords = null;
        List<InetSocketAddress> listen = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-ver" -> {
                    return new ShowVersion();
                }
                case "-h", "--help" -> {
                    return new ShowHelp();
                }
                case "-I", "-i" -> {
                    IdentMode wanted = arg.equals("-I") ? IdentMode.STRICT : IdentMode.LENIENT;
                    if (ident != IdentMode.OFF && ident != wanted) {
                        return new Invalid("-I and -i exclude each other");
                    }
                    ident = wanted;
                }
                case "-f", "-l", "-r", "-U" -> {
                    if (i + 1 >= args.size()) {
                        return new Invalid(arg + " needs a value");
                    }
                    String value = args.get(++i);
                    if (arg.equals("-f")) {
                        rules = cwd.resolve(value).normalize();
                    } else if (arg.equals("-r")) {
                        routes = cwd.resolve(value).normalize();
                    } else if (arg.equals("-U")) {
                        passwords = cwd.resolve(value).normalize();
                    } else {
                        try {
                            listen.add(ListenAddress.parse(value));
                        } catch (IllegalArgumentException e) {
                            return new Invalid("-l " + value + ": " + e.getMessage());
                        }
                    }
                }
                default -> {
                    return new Invalid("unknown option " + arg);
                }
            }
        }
        return new Run(new Options(ident, rules, listen.isEmpty() ? List.of(DEFAULT_LISTEN) : listen, routes, passwords));
    }
}
