package org.sockd.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sockd.api.access.IdentMode;

class FlagOverridesTest {

    private static final Path CONFIG = Path.of("/opt/sockd/config");

    private static Dictionary<String, Object> fromFile(String pid, Map<String, Object> values) {
        Dictionary<String, Object> properties = new Hashtable<>(values);
        properties.put("service.pid", pid);
        return properties;
    }

    @Test
    void theFlagsWinOverTheFileAndTheFileKeepsTheRest() {
        FlagOverrides flags = FlagOverrides.of(new Options(IdentMode.STRICT, Path.of("/etc/sockd.conf"), List.of(),
                null, null, null, CONFIG, null));
        Dictionary<String, Object> access = fromFile(FlagOverrides.ACCESS_PID,
                Map.of("file", "/opt/sockd/config/sockd.conf", "ident.mode", "OFF", "watch", false));

        flags.modifyConfiguration(null, access);

        assertThat(access.get("file")).isEqualTo("/etc/sockd.conf");
        assertThat(access.get("ident.mode")).isEqualTo("STRICT");
        assertThat(access.get("watch")).isEqualTo(false);
    }

    @Test
    void withoutFlagsNothingChanges() {
        FlagOverrides flags = FlagOverrides.of(new Options(null, null, List.of(), null, null, null, CONFIG, null));
        Dictionary<String, Object> access = fromFile(FlagOverrides.ACCESS_PID, Map.of("file", "/a", "ident.mode", "LENIENT"));

        flags.modifyConfiguration(null, access);

        assertThat(access.get("file")).isEqualTo("/a");
        assertThat(access.get("ident.mode")).isEqualTo("LENIENT");
        assertThat(flags.forPid(FlagOverrides.ACCESS_PID)).isEmpty();
    }

    @Test
    void routePasswordAndSocksConfFilesGoToTheirOwnPidsAndTellTheCoreTheyAreRequired() {
        FlagOverrides flags = FlagOverrides.of(new Options(null, null, List.of(), Path.of("/etc/sockd.route"),
                Path.of("/etc/sockd.passwd"), Path.of("/etc/socks.conf"), CONFIG, null));
        Dictionary<String, Object> route = fromFile(FlagOverrides.ROUTE_PID, Map.of("file", "/x"));
        Dictionary<String, Object> auth = fromFile(FlagOverrides.AUTH_PID, Map.of("file", "/y", "max.failures", 3));
        Dictionary<String, Object> upstream = fromFile(FlagOverrides.UPSTREAM_PID, Map.of("file", "/z"));
        Dictionary<String, Object> core = fromFile("sockd.core", Map.of("max.sessions", 10));

        flags.modifyConfiguration(null, route);
        flags.modifyConfiguration(null, auth);
        flags.modifyConfiguration(null, upstream);
        flags.modifyConfiguration(null, core);

        assertThat(route.get("file")).isEqualTo("/etc/sockd.route");
        assertThat(auth.get("file")).isEqualTo("/etc/sockd.passwd");
        assertThat(auth.get("max.failures")).isEqualTo(3);
        assertThat(upstream.get("file")).isEqualTo("/etc/socks.conf");
        assertThat(core.get("file")).isNull();
        assertThat(core.get("max.sessions")).isEqualTo(10);
        assertThat(core.get("route.required")).isEqualTo(true);
        assertThat(core.get("auth.required")).isEqualTo(true);
        assertThat(core.get("upstream.required")).isEqualTo(true);
    }

    @Test
    void withoutRoutePasswordOrSocksConfFlagsTheCoreRequiresNone() {
        FlagOverrides flags = FlagOverrides.of(new Options(null, null, List.of(), null, null, null, CONFIG, null));
        Dictionary<String, Object> core = fromFile("sockd.core", Map.of("max.sessions", 10));

        flags.modifyConfiguration(null, core);

        assertThat(core.get("route.required")).isNull();
        assertThat(core.get("auth.required")).isNull();
        assertThat(core.get("upstream.required")).isNull();
    }

    @Test
    void aRelativeFlagBecomesAbsolute() {
        FlagOverrides flags = FlagOverrides.of(new Options(null, Path.of("rules.conf"), List.of(), null, null, null, CONFIG, null));

        assertThat(flags.forPid(FlagOverrides.ACCESS_PID).get("file"))
                .isEqualTo(Path.of("rules.conf").toAbsolutePath().toString());
    }
}
