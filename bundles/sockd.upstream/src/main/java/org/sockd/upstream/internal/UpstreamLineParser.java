package org.sockd.upstream.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.sockd.api.upstream.Login;
import org.sockd.api.upstream.NameResolution;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamAuth;
import org.sockd.api.upstream.UpstreamProtocol;
import org.sockd.common.text.SyntaxException;

/**
 * Parses {@code upstream NAME SCHEME://host[:port] [option=value ...]}. {@code :} is no command
 * separator here; {@code #} still starts a comment.
 */
final class UpstreamLineParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern SECONDS = Pattern.compile("[1-9][0-9]{0,4}");
    private static final Set<String> OPTIONS = Set.of("resolve", "user", "auth", "password.file", "connect.timeout");

    private final UpstreamRegistry registry;
    private final ParseSettings settings;
    private final Consumer<String> notices;
    private final String owner;

    UpstreamLineParser(UpstreamRegistry registry, ParseSettings settings, Consumer<String> notices) {
        this.registry = registry;
        this.settings = settings;
        this.notices = notices;
        this.owner = System.getProperty("user.name");
    }

    /** @return the line in canonical form */
    String parse(NumberedLine line) throws SyntaxException {
        String text = line.text();
        int hash = text.indexOf('#');
        List<String> words = Arrays.stream((hash >= 0 ? text.substring(0, hash) : text).trim().split("\\s+")).toList();
        if (words.size() < 3) {
            throw new SyntaxException("Invalid upstream line (expected upstream NAME socks4|socks4a|socks5|http://host[:port]"
                    + " [option=value ...])");
        }
        String name = words.get(1);
        if (!NAME.matcher(name).matches()) {
            throw new SyntaxException("Invalid upstream name " + quoted(name)
                    + " (a letter, then letters, digits, '-' or '_')");
        }
        UpstreamUrl url = UpstreamUrl.parse(words.get(2), settings.defaultPort());
        Map<String, String> options = options(words.subList(3, words.size()));
        Upstream upstream = upstream(name, url, options);
        registry.declare(upstream);
        StringBuilder canonical = new StringBuilder("upstream ").append(name).append(' ').append(url.text())
                .append(" resolve=").append(upstream.resolve().name().toLowerCase(java.util.Locale.ROOT));
        options.forEach((key, value) -> {
            if (!key.equals("resolve")) {
                canonical.append(' ').append(key).append('=').append(value);
            }
        });
        return canonical.toString();
    }

    private static Map<String, String> options(List<String> words) throws SyntaxException {
        Map<String, String> options = new LinkedHashMap<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            String key = equals > 0 ? word.substring(0, equals) : word;
            if (!OPTIONS.contains(key) || equals < 0 || equals == word.length() - 1) {
                throw new SyntaxException("Invalid upstream option " + quoted(word)
                        + " (resolve=, user=, auth=, password.file= or connect.timeout=, each with a value)");
            }
            if (options.put(key, word.substring(equals + 1)) != null) {
                throw new SyntaxException("upstream option " + key + "= given twice");
            }
        }
        return options;
    }

    private Upstream upstream(String name, UpstreamUrl url, Map<String, String> options) throws SyntaxException {
        UpstreamProtocol protocol = url.protocol();
        boolean socks4 = protocol == UpstreamProtocol.SOCKS4 || protocol == UpstreamProtocol.SOCKS4A;
        NameResolution resolve = UpstreamOptions.resolve(protocol, options.get("resolve"));
        String user = options.get("user");
        if (user != null && !socks4) {
            throw new SyntaxException("user= is the SOCKS 4 USERID: only for socks4:// and socks4a:// upstreams");
        }
        UpstreamAuth auth = UpstreamOptions.auth(options.get("auth"), socks4, settings.authForwardAllowed());
        if (auth == UpstreamAuth.FORWARD) {
            notices.accept("upstream " + name + " gets the clients' own passwords (auth=forward), in cleartext");
        }
        Login login = null;
        String passwordFile = options.get("password.file");
        if ((auth == UpstreamAuth.PASSWORD) != (passwordFile != null)) {
            throw new SyntaxException("auth=password and password.file= go together");
        }
        if (passwordFile != null) {
            Path file = absolute(passwordFile);
            registry.addFile(file);
            login = PasswordFile.read(file, owner);
        }
        Duration timeout = settings.connectTimeout();
        String seconds = options.get("connect.timeout");
        if (seconds != null) {
            if (!SECONDS.matcher(seconds).matches()) {
                throw new SyntaxException("Invalid connect.timeout= " + quoted(seconds) + " (whole seconds, 1 or more)");
            }
            timeout = Duration.ofSeconds(Long.parseLong(seconds));
        }
        return new Upstream(name, protocol, url.host(), url.port(), resolve, user, auth, login, timeout);
    }

    private static Path absolute(String path) throws SyntaxException {
        try {
            Path file = Path.of(path);
            if (file.isAbsolute()) {
                return file;
            }
        } catch (InvalidPathException e) {
            // reported below like any other unusable path
        }
        throw new SyntaxException("password.file= " + quoted(path) + " is not an absolute path");
    }
}
