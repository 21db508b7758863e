package org.sockd.upstream.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.admin.Dumpable;
import org.sockd.api.admin.FileVerdict;
import org.sockd.api.admin.LoadedFile;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.Reloadable;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.TryOutcome;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamHealth;
import org.sockd.api.upstream.UpstreamSelector;
import org.sockd.common.files.FrozenName;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.Handover;
import org.sockd.common.reload.LiveFile;

/**
 * A socks.conf as the {@link UpstreamSelector}: the SOCKSified daemon. Runs only while a
 * configuration names the file (bin/sockd -s): without one no selector is registered. A file with
 * errors at start gives a selector that refuses every request, never direct egress; a reload with
 * such a file keeps the table in force. Public only because Felix SCR calls public constructors alone.
 */
@Component(name = SocksConfSelector.PID, service = {UpstreamSelector.class, Reloadable.class, Dumpable.class,
        LoadedFile.class},
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SocksConfSelector.Config.class)
public final class SocksConfSelector implements UpstreamSelector, Reloadable, Dumpable, LoadedFile {

    static final String PID = "sockd.upstream.socksconf";

    @ObjectClassDefinition(name = "sockd upstream: socks.conf",
            description = "Next hops (direct, deny, or further SOCKS or HTTP servers) read from a classic socks.conf")
    public @interface Config {
        @AttributeDefinition(description = "Path of the socks.conf file; its frozen form (socks.fc beside it) is"
                + " read instead when it exists")
        String file() default "config/socks.conf";

        @AttributeDefinition(description = "Server list of sockd lines without @= (else $SOCKS_SERVER)")
        String default_server() default "";

        @AttributeDefinition(description = "Port of classic server entries and URLs without one; 0: socks/tcp, else 1080")
        int default_port() default 0;

        @AttributeDefinition(description = "Consecutive failures that mark an upstream bad; 0 turns marking off")
        int maxfail() default 1;

        @AttributeDefinition(description = "Seconds a mark lasts; 0 keeps it until reload")
        long badexpire() default 300;

        @AttributeDefinition(description = "Addresses tried at most for one request")
        int upstream_max_tries() default 8;

        @AttributeDefinition(description = "Seconds one connect to an upstream may take, unless its line says")
        long connect_timeout_s() default 10;

        @AttributeDefinition(description = "Seconds an upstream may take to accept or refuse once connected")
        long negotiate_timeout_s() default 30;

        @AttributeDefinition(description = "Allow auth=forward and method: username (clients' passwords passed on)")
        boolean auth_forward_allowed() default false;

        @AttributeDefinition(description = "Reload when the file, its frozen form, or a file it names changes on disk")
        boolean watch() default true;

        @AttributeDefinition(description = "How often to look at the files for changes, in milliseconds")
        long watch_period_ms() default 2000;

        @AttributeDefinition(description = "The highest-ranked upstream selector is the one in use")
        int service_ranking() default 0;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SocksConfSelector.class);
    /** The classic log (README: Syslog): marks are notices there, beside the session lines they explain. */
    private static final Logger CLASSIC = LoggerFactory.getLogger("sockd");

    private final Clock clock;
    private final UnaryOperator<String> env;
    private final Handover<LiveFile<NextHops>> hops;

    @Activate
    public SocksConfSelector(Config config) {
        this(config, Clock.systemUTC(), System::getenv);
    }

    SocksConfSelector(Config config, Clock clock, UnaryOperator<String> env) {
        this.clock = clock;
        this.env = env;
        this.hops = new Handover<>(load(config));
    }

    /** Another configuration loads completely, then takes over with the service staying registered. */
    @Modified
    void modified(Config config) {
        hops.handTo(load(config));
    }

    private LiveFile<NextHops> load(Config config) {
        ParseSettings settings = ConfigSettings.of(config, env, Services.system(), LOG);
        Path file = Path.of(config.file());
        LiveFile<NextHops> live = new LiveFile<>(file, path -> SocksConfFiles.marked(
                SocksConfFiles.load(path, settings, LOG::warn, LOG),
                table -> new FailureMarks(table.marking(), clock, CLASSIC::info)), SocksConfFiles.KIND, LOG);
        return live.watchIf(config.watch(), "sockd-socksconf-watch", Duration.ofMillis(config.watch_period_ms()),
                () -> watched(file, live.current()));
    }

    @Override
    public NextHop select(ConnectRequest request) {
        return current().select(RequestFacts.of(request));
    }

    @Override
    public void report(Upstream upstream, TryOutcome outcome) {
        current().report(upstream, outcome);
    }

    @Override
    public List<MatchedRule> table() {
        return current().rules();
    }

    @Override
    public List<UpstreamHealth> upstreams() {
        return current().health();
    }

    @Override
    public ReloadResult reload() {
        return hops.current().reload();
    }

    /** The launcher refuses to start on a socks.conf with errors, as on any other file it was given. */
    @Override
    public FileVerdict verdict() {
        return hops.current().verdict();
    }

    @Override
    public String title() {
        return current().title();
    }

    @Override
    public List<String> dump() {
        return current().dump();
    }

    @Deactivate
    void deactivate() {
        hops.close();
    }

    private NextHops current() {
        return hops.current().current();
    }

    /** The file, its frozen twin (which wins when it appears) and the user and password files it names. */
    private static Set<Path> watched(Path file, NextHops hops) {
        Set<Path> files = new HashSet<>(hops.files());
        files.add(file);
        files.add(FrozenName.of(file));
        return files;
    }
}
