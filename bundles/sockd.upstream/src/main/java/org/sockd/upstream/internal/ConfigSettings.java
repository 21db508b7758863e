package org.sockd.upstream.internal;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.sockd.api.upstream.TryLimits;
import org.sockd.common.config.Settings;
import org.sockd.common.netdb.Services;

/** Turns the component's configuration into the settings a socks.conf is read with. */
final class ConfigSettings {

    private ConfigSettings() {
    }

    /**
     * @param env the daemon's environment ({@code System::getenv} outside tests), for {@code SOCKS_SERVER}
     * @throws IllegalArgumentException for a value out of range, naming PID and property
     */
    static ParseSettings of(SocksConfSelector.Config config, UnaryOperator<String> env, Services services, Logger log) {
        String pid = SocksConfSelector.PID;
        Settings.requirePositive(pid, "watch.period.ms", config.watch_period_ms());
        Settings.requirePositive(pid, "upstream.max.tries", config.upstream_max_tries());
        Settings.requirePositive(pid, "connect.timeout.s", config.connect_timeout_s());
        Settings.requirePositive(pid, "negotiate.timeout.s", config.negotiate_timeout_s());
        if (config.maxfail() < 0 || config.badexpire() < 0 || config.default_port() < 0
                || config.default_port() > 0xFFFF) {
            throw new IllegalArgumentException(pid + ": maxfail and badexpire must be 0 or more, default.port 0-65535");
        }
        String servers = config.default_server().strip();
        String origin = "default.server";
        if (servers.isEmpty()) {
            String variable = env.apply("SOCKS_SERVER");
            servers = variable == null ? "" : variable.strip();
            origin = "SOCKS_SERVER";
        }
        if (!servers.isEmpty()) {
            log.info("sockd lines without servers use {} (from {})", servers, origin);
        }
        return new ParseSettings(servers.isEmpty() ? null : servers, origin,
                ParseSettings.defaultPort(config.default_port(), services),
                Duration.ofSeconds(config.connect_timeout_s()), config.auth_forward_allowed(),
                new Marking(config.maxfail(), Duration.ofSeconds(config.badexpire())),
                new TryLimits(config.upstream_max_tries(), Duration.ofSeconds(config.negotiate_timeout_s())), services);
    }
}
