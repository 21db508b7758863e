package org.sockd.route.internal;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
import org.sockd.api.admin.Dumpable;
import org.sockd.api.admin.FileVerdict;
import org.sockd.api.admin.LoadedFile;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.Reloadable;
import org.sockd.api.route.Route;
import org.sockd.api.route.RouteEntry;
import org.sockd.api.route.RouteSelector;
import org.sockd.common.config.Settings;
import org.sockd.common.files.FrozenName;
import org.sockd.common.reload.Handover;
import org.sockd.common.reload.LiveFile;

/**
 * The classic sockd.route as the {@link RouteSelector} of a multi-homed host. Runs only while a
 * configuration names the file (bin/sockd -r): without one no selector is registered and the
 * system chooses. A file with errors at start gives a selector that fails every lookup, never the
 * system's choice; a reload (SIGHUP, {@code sockd:reload}, or the file changing on disk) with such
 * a file keeps the routes in force. Public only because Felix SCR calls public constructors alone.
 */
@Component(name = RouteFilePolicy.PID, service = {RouteSelector.class, Reloadable.class, Dumpable.class, LoadedFile.class},
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RouteFilePolicy.Config.class)
public final class RouteFilePolicy implements RouteSelector, Reloadable, Dumpable, LoadedFile {

    static final String PID = "sockd.route.file";

    @ObjectClassDefinition(name = "sockd route: sockd.route",
            description = "The interface of a multi-homed host to use per destination, read from a classic sockd.route")
    public @interface Config {
        @AttributeDefinition(description = "Path of the sockd.route file; its frozen form (sockd.fr beside it) is"
                + " read instead when it is not older")
        String file() default "config/sockd.route";

        @AttributeDefinition(description = "Reload the routes when the file or its frozen form changes on disk")
        boolean watch() default true;

        @AttributeDefinition(description = "How often to look at the files for changes, in milliseconds")
        long watch_period_ms() default 2000;

        @AttributeDefinition(description = "The highest-ranked route selector is the one in use")
        int service_ranking() default 0;
    }

    private static final Logger LOG = LoggerFactory.getLogger(RouteFilePolicy.class);

    private final LocalAddresses local;
    private final Handover<LiveFile<Routes>> routes;

    @Activate
    public RouteFilePolicy(Config config) {
        this(config, LocalAddresses.system());
    }

    RouteFilePolicy(Config config, LocalAddresses local) {
        this.local = local;
        this.routes = new Handover<>(load(config));
    }

    /**
     * Another file takes over in place: a request in a gap without a selector would leave by the
     * system's choice of interface.
     */
    @Modified
    void modified(Config config) {
        routes.handTo(load(config));
    }

    private LiveFile<Routes> load(Config config) {
        Settings.requirePositive(PID, "watch.period.ms", config.watch_period_ms());
        Path file = Path.of(config.file());
        RouteFiles files = new RouteFiles(local, LOG);
        // copyOf, not of: a frozen file named directly is its own twin
        Set<Path> watched = Set.copyOf(List.of(file, FrozenName.ofRoute(file)));
        return new LiveFile<>(file, files::load, RouteFiles.KIND, LOG)
                .watchIf(config.watch(), "sockd-route-watch", Duration.ofMillis(config.watch_period_ms()), () -> watched);
    }

    @Override
    public Route select(InetAddress destination, String name) {
        return current().select(destination, name);
    }

    @Override
    public List<RouteEntry> table() {
        return current().entries();
    }

    @Override
    public ReloadResult reload() {
        return routes.current().reload();
    }

    @Override
    public FileVerdict verdict() {
        return routes.current().verdict();
    }

    @Override
    public String title() {
        return current().title();
    }

    @Override
    public List<String> dump() {
        return current().entries().stream().map(RouteEntry::text).toList();
    }

    @Deactivate
    void deactivate() {
        routes.close();
    }

    private Routes current() {
        return routes.current().current();
    }
}
