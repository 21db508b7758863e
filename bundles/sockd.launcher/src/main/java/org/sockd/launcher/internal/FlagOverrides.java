package org.sockd.launcher.internal;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationPlugin;

/**
 * The command line's settings, laid over whatever Config Admin holds for the same PIDs each time
 * a configuration is handed to a component. A configuration file that FileInstall loads or
 * reloads later therefore never wins over a flag, and no component ever sees the file's value
 * first: Config Admin calls this plugin before SCR passes the properties on.
 */
final class FlagOverrides implements ConfigurationPlugin {

    /** Service property that marks this plugin, for the SIGUSR1 dump. */
    static final String MARK = "sockd.flag.overrides";
    /** Plugins ranked 0 to 1000 may change properties; the highest runs last, so the flags have the last word. */
    static final int CM_RANKING = 1000;

    static final String ACCESS_PID = "sockd.access.sockdconf";
    static final String ROUTE_PID = "sockd.route.file";
    static final String AUTH_PID = "sockd.auth.passwd";
    static final String UPSTREAM_PID = "sockd.upstream.socksconf";
    static final String CORE_PID = "sockd.core";

    private final Map<String, Map<String, Object>> byPid;

    FlagOverrides(Map<String, Map<String, Object>> byPid) {
        this.byPid = Map.copyOf(byPid);
    }

    /** -f and -I/-i go to the access policy, -r to the route file, -U to the password file, -s to socks.conf (and each to the core). */
    static FlagOverrides of(Options options) {
        Map<String, Map<String, Object>> byPid = new LinkedHashMap<>();
        Map<String, Object> access = new LinkedHashMap<>();
        if (options.rulesFile() != null) {
            access.put("file", absolute(options.rulesFile()));
        }
        if (options.identMode() != null) {
            access.put("ident.mode", options.identMode().name());
        }
        if (!access.isEmpty()) {
            byPid.put(ACCESS_PID, access);
        }
        // The core is told too, so that it fails closed while the route, password or upstream bundle is not
        // (or no longer) serving, instead of using the system's interface, no password or going direct.
        Map<String, Object> core = new LinkedHashMap<>();
        if (options.routeFile() != null) {
            byPid.put(ROUTE_PID, Map.of("file", absolute(options.routeFile())));
            core.put("route.required", true);
        }
        if (options.passwordFile() != null) {
            byPid.put(AUTH_PID, Map.of("file", absolute(options.passwordFile())));
            core.put("auth.required", true);
        }
        if (options.socksConf() != null) {
            byPid.put(UPSTREAM_PID, Map.of("file", absolute(options.socksConf())));
            core.put("upstream.required", true);
        }
        if (!core.isEmpty()) {
            byPid.put(CORE_PID, core);
        }
        return new FlagOverrides(byPid);
    }

    private static String absolute(Path file) {
        return file.toAbsolutePath().toString();
    }

    /** @return the flags' values for this PID, empty when no flag concerns it */
    Map<String, Object> forPid(String pid) {
        return byPid.getOrDefault(pid, Map.of());
    }

    @Override
    public void modifyConfiguration(ServiceReference<?> target, Dictionary<String, Object> properties) {
        Object pid = properties.get(Constants.SERVICE_PID);
        if (pid instanceof String name) {
            forPid(name).forEach(properties::put);
        }
    }
}
