package org.sockd.launcher.internal;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sockd.api.access.IdentMode;

/**
 * The command line, classic flags first. What a flag does not say comes from the Config Admin
 * files of the configuration directory; what it says overrides them.
 *
 * @param identMode the daemon-wide ident check ({@code -I} strict, {@code -i} lenient), or {@code null}: the files' {@code ident.mode}
 * @param rulesFile the access rules file ({@code -f}), or {@code null}: the one the files name
 * @param listen where to accept clients ({@code -l}, repeatable); empty: the files' listeners
 * @param routeFile the route file of a multi-homed host ({@code -r}), or {@code null}: the files decide (none by default)
 * @param passwordFile the SOCKS 5 password file ({@code -U}), or {@code null}: the files decide (none by default)
 * @param socksConf the socks.conf choosing each request's next hop ({@code -s}), or {@code null}: the files
 *        decide (none by default: every request goes direct)
 * @param configDir the directory of Config Admin files ({@code --config-dir})
 * @param pidFile where to write the daemon's pid ({@code --pid-file}), or {@code null}: nowhere
 */
record Options(IdentMode identMode, Path rulesFile, List<InetSocketAddress> listen, Path routeFile, Path passwordFile,
        Path socksConf, Path configDir, Path pidFile) {

    static final String USAGE = """
            usage: sockd [-ver] [-V] [-I | -i] [-f FILE] [-r FILE] [-U FILE] [-s FILE]
                         [-l ADDR:PORT]... [--config-dir DIR] [--pid-file FILE]
              -ver              print version facts and exit
              -V                test the configuration: load every file as the daemon would, print
                                what each holds or every error, and exit 0 or 1 (also: check-config)
              -I                strict ident checks: refuse when identd cannot confirm the user
              -i                lenient ident checks: refuse only when identd names another user
              -f FILE           access rules file (default: the one the configuration files name,
                                config/sockd.conf as shipped)
              -r FILE           route file of a multi-homed host (default: none, the system chooses)
              -U FILE           require SOCKS 5 username/password from this password file
              -s FILE           socks.conf: connect directly or through further SOCKS or HTTP
                                servers, per request (default: none, always directly)
              -l ADDR:PORT      listen address, repeatable; IPv6 as [::1]:1080 (default: the
                                sockd.listener-*.cfg files, 127.0.0.1:1080 as shipped)
              --config-dir DIR  the Config Admin files, watched for changes (default: config/)
              --pid-file FILE   write the pid here; refuse to start while a live process holds it
              -h, --help        print this help and exit
            A flag overrides the configuration files, also when a file changes while sockd runs.
            See sockd(8), sockd.conf(5), sockd.route(5), sockd.passwd(5), socks.conf(5) and
            sockd-freeze(8): man/ in the source tree (man -l man/sockd.8).
            """;

    Options {
        listen = List.copyOf(listen);
        Objects.requireNonNull(configDir, "configDir");
    }

    /** What the command line asks for. */
    sealed interface Parsed {
    }

    record Run(Options options) implements Parsed {
    }

    /** {@code -V}: load the files the options name, tell what they hold, and exit; listen on nothing. */
    record Check(Options options) implements Parsed {
    }

    record ShowVersion() implements Parsed {
    }

    record ShowHelp() implements Parsed {
    }

    /** @param message what is wrong, naming the offending argument */
    record Invalid(String message) implements Parsed {
        /** @return what to print: the message and the usage */
        String text() {
            return "sockd: " + message + "\n" + USAGE;
        }
    }

    /**
     * @param args the arguments
     * @param defaultConfigDir the configuration directory when {@code --config-dir} is absent
     * @param cwd the directory relative file names are taken from
     */
    static Parsed parse(List<String> args, Path defaultConfigDir, Path cwd) {
        IdentMode ident = null;
        Path rules = null;
        Path routes = null;
        Path passwords = null;
        Path socksConf = null;
        Path configDir = defaultConfigDir;
        Path pidFile = null;
        boolean check = false;
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
                case "-V" -> check = true;
                case "-I", "-i" -> {
                    IdentMode wanted = arg.equals("-I") ? IdentMode.STRICT : IdentMode.LENIENT;
                    if (ident != null && ident != wanted) {
                        return new Invalid("-I and -i exclude each other");
                    }
                    ident = wanted;
                }
                case "-f", "-l", "-r", "-U", "-s", "--config-dir", "--pid-file" -> {
                    if (i + 1 >= args.size()) {
                        return new Invalid(arg + " needs a value");
                    }
                    String value = args.get(++i);
                    if (arg.equals("-l")) {
                        try {
                            listen.add(ListenAddress.parse(value));
                        } catch (IllegalArgumentException e) {
                            return new Invalid("-l " + value + ": " + e.getMessage());
                        }
                        continue;
                    }
                    Path path = cwd.resolve(value).normalize();
                    switch (arg) {
                        case "-f" -> rules = path;
                        case "-r" -> routes = path;
                        case "-U" -> passwords = path;
                        case "-s" -> socksConf = path;
                        case "--config-dir" -> configDir = path;
                        default -> pidFile = path;
                    }
                }
                default -> {
                    return new Invalid("unknown option " + arg);
                }
            }
        }
        Options options = new Options(ident, rules, listen, routes, passwords, socksConf, configDir, pidFile);
        return check ? new Check(options) : new Run(options);
    }
}
