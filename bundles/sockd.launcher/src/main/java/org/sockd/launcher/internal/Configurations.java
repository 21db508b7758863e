package org.sockd.launcher.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.sockd.common.files.FrozenName;

/**
 * The configurations the launcher writes itself: the command line's listeners, and for a policy
 * the command line names a file for but the configuration directory has no file of, a
 * configuration of its own (the flag's value comes from {@link FlagOverrides} either way).
 */
final class Configurations {

    static final String CLI_LISTENER = "cli";

    private final ConfigurationAdmin configAdmin;
    private final FlagOverrides flags;

    Configurations(ConfigurationAdmin configAdmin, FlagOverrides flags) {
        this.configAdmin = configAdmin;
        this.flags = flags;
    }

    /** One factory configuration {@code sockd.listener~cliN} per {@code -l}. */
    void listeners(List<InetSocketAddress> listen) throws IOException {
        removeStaleListeners(listen.size());
        for (int i = 0; i < listen.size(); i++) {
            Dictionary<String, Object> listener = new Hashtable<>();
            listener.put("address", listen.get(i).getAddress().getHostAddress());
            listener.put("port", listen.get(i).getPort());
            configAdmin.getFactoryConfiguration(Launcher.LISTENER_FACTORY, CLI_LISTENER + i, "?").update(listener);
        }
    }

    /** Listeners this launcher made on an earlier run (when the framework keeps its storage), beyond the ones asked for now. */
    private void removeStaleListeners(int keep) throws IOException {
        for (Configuration configuration : ConfigFiles.list(configAdmin,
                "(service.factoryPid=" + Launcher.LISTENER_FACTORY + ")")) {
            String name = configuration.getPid().substring(configuration.getPid().indexOf('~') + 1);
            if (name.matches(CLI_LISTENER + "\\d+") && Integer.parseInt(name.substring(CLI_LISTENER.length())) >= keep) {
                configuration.delete();
            }
        }
    }

    /**
     * After the directory is loaded: the access policy always runs (on {@code DIR/sockd.conf}
     * when no file configures it), and a route, password or socks.conf file named by a flag needs a
     * configuration to exist even when the directory has none for it.
     */
    void fillGaps(Path configDir) throws IOException {
        if (stored(FlagOverrides.ACCESS_PID).isEmpty()) {
            create(FlagOverrides.ACCESS_PID, Map.of("file", configDir.resolve("sockd.conf").toString()));
        }
        for (String pid : List.of(FlagOverrides.ROUTE_PID, FlagOverrides.AUTH_PID, FlagOverrides.UPSTREAM_PID,
                FlagOverrides.CORE_PID)) {
            if (!flags.forPid(pid).isEmpty() && stored(pid).isEmpty()) {
                create(pid, flags.forPid(pid));
            }
        }
    }

    /** @return the file each policy that has a configuration will read, by PID (its component's name) */
    Map<String, String> policyFiles() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String pid : List.of(FlagOverrides.ACCESS_PID, FlagOverrides.ROUTE_PID, FlagOverrides.AUTH_PID,
                FlagOverrides.UPSTREAM_PID)) {
            file(pid).ifPresent(file -> files.put(pid, file.toString()));
        }
        return files;
    }

    /** @return the classic message for the first file a policy is configured with that cannot be read */
    Optional<String> unreadableFile() throws IOException {
        Optional<Path> rules = file(FlagOverrides.ACCESS_PID);
        if (rules.isPresent() && !readable(rules.get(), FrozenName.of(rules.get()))) {
            return Optional.of("Unable to open config file (" + rules.get() + ")");
        }
        Optional<Path> routes = file(FlagOverrides.ROUTE_PID);
        if (routes.isPresent() && !readable(routes.get(), FrozenName.ofRoute(routes.get()))) {
            return Optional.of("Unable to open routing file (" + routes.get() + ")");
        }
        Optional<Path> passwords = file(FlagOverrides.AUTH_PID);
        if (passwords.isPresent() && !readable(passwords.get(), passwords.get())) {
            return Optional.of("Unable to open password file (" + passwords.get() + ")");
        }
        Optional<Path> socksConf = file(FlagOverrides.UPSTREAM_PID);
        if (socksConf.isPresent() && !readable(socksConf.get(), FrozenName.of(socksConf.get()))) {
            return Optional.of("Unable to open socks.conf file (" + socksConf.get() + ")");
        }
        return Optional.empty();
    }

    private static boolean readable(Path file, Path frozen) {
        return Files.isReadable(file) || Files.isReadable(frozen);
    }

    /** @return the file the policy will be given: the flag's, else its configuration's; empty when it has no configuration */
    private Optional<Path> file(String pid) throws IOException {
        Object flag = flags.forPid(pid).get("file");
        if (flag != null) {
            return Optional.of(Path.of(flag.toString()));
        }
        return stored(pid).map(properties -> properties.get("file")).map(file -> Path.of(file.toString()));
    }

    private Optional<Dictionary<String, Object>> stored(String pid) throws IOException {
        Configuration[] found = ConfigFiles.list(configAdmin, "(service.pid=" + pid + ")");
        return found.length == 0 ? Optional.empty() : Optional.ofNullable(found[0].getProperties());
    }

    private void create(String pid, Map<String, Object> properties) throws IOException {
        configAdmin.getConfiguration(pid, "?").update(new Hashtable<>(properties));
    }
}
