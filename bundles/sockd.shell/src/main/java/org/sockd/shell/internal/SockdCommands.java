package org.sockd.shell.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.admin.DaemonTotals;
import org.sockd.api.admin.Node;
import org.sockd.api.admin.SessionRegistry;
import org.sockd.api.admin.SessionSnapshot;
import org.sockd.common.admin.DumpReport;
import org.sockd.common.admin.ReloadAll;
import org.sockd.common.admin.ReloadReport;
import org.sockd.common.netdb.Services;

/**
 * The {@code sockd:*} administration commands. They return values that Gogo prints; they never
 * print themselves. Public only because Felix SCR calls public constructors alone.
 */
@Component(service = SockdCommands.class)
@GogoCommand(scope = "sockd", function = {"status", "sessions", "kill", "reload", "dump", "check", "policies", "routes",
        "upstreams", "stats", "drain", "undrain"})
public final class SockdCommands {

    /** As long as the core lets a destination name take; the answer is worth a short wait here. */
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
    /** Session ids are positive longs; more digits than a long holds cannot name one. */
    private static final Pattern SESSION_ID = Pattern.compile("[0-9]{1,18}");
    private static final Logger LOG = LoggerFactory.getLogger(SockdCommands.class);

    private final Registry registry;
    private final Check check;
    private final Clock clock;

    @Activate
    public SockdCommands(@Reference Registry registry) {
        this(registry, new Check(new JdkNameLookup(LOOKUP_TIMEOUT), Services::system), Clock.systemUTC());
    }

    SockdCommands(Registry registry, Check check, Clock clock) {
        this.registry = registry;
        this.check = check;
        this.clock = clock;
    }

    @Descriptor("show the version, uptime, listeners, policy services in use, session counts and bytes moved")
    public Status status() {
        DaemonTotals totals = registry.sessions().map(SessionRegistry::totals).orElse(null);
        int cap = registry.sessions().map(SessionRegistry::sessionCap).orElse(0);
        OptionalInt shedding = registry.sessions().map(SessionRegistry::heapShedding).orElse(OptionalInt.empty());
        return new Status(registry.version(), clock.instant(), registry.started().orElse(null), registry.listeners(),
                registry.services(), totals, cap, registry.node().map(Node::draining).orElse(false), shedding);
    }

    @Descriptor("show the counters the core keeps for monitoring (the same as the HTTP /metrics endpoint)")
    public Stats stats() {
        return new Stats(registry.metrics().orElseThrow(() -> new IllegalStateException(Text.NO_CORE + ": no counters"))
                .snapshot());
    }

    @Descriptor("stop accepting new clients on every listener (they are refused) and let the live sessions finish")
    public DrainState drain() {
        Node node = node();
        node.drain();
        return drainState(node);
    }

    @Descriptor("accept new clients again after sockd:drain")
    public DrainState undrain() {
        Node node = node();
        node.undrain();
        return drainState(node);
    }

    private DrainState drainState(Node node) {
        return new DrainState(node.draining(), registry.sessions().map(s -> s.totals().active()).orElse(0));
    }

    private Node node() {
        return registry.node().orElseThrow(() -> new IllegalStateException(Text.NO_CORE + ": nothing to drain"));
    }

    @Descriptor("list the live sessions: id, client, user, ident, command, destination (and the address connected "
            + "to, where that is another), state, age, bytes each way")
    public SessionTable sessions() {
        return new SessionTable(core().sessions(), clock.instant());
    }

    @Descriptor("close a live session's connections at once")
    public KillReport kill(@Descriptor("the session's id, as listed by sockd:sessions") String id) {
        if (!SESSION_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("kill: session id must be a number, as listed by sockd:sessions, not '"
                    + id + "'");
        }
        long number = Long.parseLong(id);
        SessionRegistry sessions = core();
        SessionSnapshot session = sessions.sessions().stream().filter(s -> s.id() == number).findFirst()
                .orElseThrow(() -> noLiveSession(number));
        if (!sessions.close(number)) {
            throw noLiveSession(number); // it ended on its own meanwhile
        }
        return new KillReport(session);
    }

    /** A file that could not be used fails the command, so that a script sees it in the exit status. */
    @Descriptor("read every configuration file again; a file with an error leaves the rules in force")
    public ReloadReport reload(
            @Descriptor("then decide every live session again by the rules in force, and end those they refuse")
            @Parameter(names = {"-r", "--revalidate"}, presentValue = "true", absentValue = "false") boolean revalidate) {
        ReloadReport report = ReloadAll.run(registry.reloadables(), LOG, "sockd:reload", revalidate);
        if (report.anyFailed()) {
            throw new IllegalStateException(report.toString());
        }
        return report;
    }

    @Descriptor("show the configuration in force: the rules, routes and whatever else the policies show")
    public DumpReport dump() {
        return DumpReport.of(registry.dumpables());
    }

    @Descriptor("show which live sessions the access rules on disk would end on a reload with --revalidate "
            + "(dry run: nothing is put in force, nothing ends)")
    public SessionsCheck check(
            @Descriptor("decide the live sessions, the only check without SRC DST PORT")
            @Parameter(names = {"-s", "--sessions"}, presentValue = "true", absentValue = "false") boolean sessions) {
        if (!sessions) {
            throw new IllegalArgumentException("check: give SRC DST PORT [USER], or --sessions");
        }
        return SessionsCheck.of(registry.policies(), core());
    }

    @Descriptor("show which rule would decide a CONNECT from a client, the verdict and the path")
    public CheckReport check(
            @Descriptor("client address (SRC), e.g. 10.0.0.1") String source,
            @Descriptor("destination (DST): address or host name") String destination,
            @Descriptor("destination port: number or tcp service name") String port) throws InterruptedException {
        return check(source, destination, port, "");
    }

    @Descriptor("show which rule would decide a CONNECT from a client sending a user-id, the verdict and the path")
    public CheckReport check(
            @Descriptor("client address (SRC), e.g. 10.0.0.1") String source,
            @Descriptor("destination (DST): address or host name") String destination,
            @Descriptor("destination port: number or tcp service name") String port,
            @Descriptor("user-id the client program sends") String user) throws InterruptedException {
        return check.run(registry.policies(), registry.routes(), registry.upstreams(), registry.guard(), source,
                destination, port, user);
    }

    @Descriptor("list the routes in force: which local address faces which destinations")
    public String routes() {
        return CheckText.routes(registry.routes());
    }

    @Descriptor("list the upstreams socks.conf can choose, each usable or marked bad, with its failures")
    public String upstreams() {
        return UpstreamText.upstreams(registry.upstreams());
    }

    @Descriptor("list the registered access policies and which one is in use")
    public PolicyTable policies() {
        return new PolicyTable(PolicyService.preferredFirst(registry.policies()));
    }

    private SessionRegistry core() {
        return registry.sessions().orElseThrow(() -> new IllegalStateException(Text.NO_CORE + ": there are no sessions"));
    }

    private static IllegalArgumentException noLiveSession(long id) {
        return new IllegalArgumentException("no live session " + id + " (sockd:sessions lists them)");
    }
}
