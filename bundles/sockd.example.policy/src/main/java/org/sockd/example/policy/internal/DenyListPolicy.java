package org.sockd.example.policy.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.admin.Dumpable;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.Reloadable;
import org.sockd.common.net.AddressText;

/**
 * An access policy that adds one rule the classic sockd.conf cannot express: requests to any
 * address listed in a file of CIDR ranges (IPv4 and IPv6) are refused, naming the file and line;
 * every other request is decided by the best access policy ranked below this one. A file with an
 * error refuses everything at start and leaves the list in force on a reload (fail closed).
 * Public only because Felix SCR calls public constructors alone.
 */
@Component(name = DenyListPolicy.PID, service = {AccessPolicy.class, Reloadable.class, Dumpable.class})
@Designate(ocd = DenyListPolicy.Config.class)
public final class DenyListPolicy implements AccessPolicy, Reloadable, Dumpable {

    static final String PID = "sockd.example.denylist";
    /** Framework or system property naming the daemon's home, where the default file is looked for. */
    static final String HOME = "sockd.home";
    static final String DEFAULT_FILE = "config/denylist.txt";

    @ObjectClassDefinition(name = "sockd example: destination deny list",
            description = "Refuses requests to the address ranges listed in a file; the next access policy decides the rest")
    public @interface Config {
        @AttributeDefinition(description = "The deny-list file, one CIDR range a line; empty: " + DEFAULT_FILE
                + " under sockd.home, if it exists")
        String file() default "";

        @AttributeDefinition(description = "Name of this policy, for administration")
        String sockd_policy_name() default "denylist";

        @AttributeDefinition(description = "The highest-ranked access policy is the one in use: this one must rank "
                + "above the policy whose decisions it adds to (sockd.conf ranks 0)")
        int service_ranking() default 100;
    }

    /** What the policy goes by: a list of ranges, or a refusal of everything. */
    private sealed interface InForce {
    }

    private record Ranges(DenyList list) implements InForce {
    }

    private record Unusable(String reason) implements InForce {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DenyListPolicy.class);

    private final LowerRankedPolicies others = new LowerRankedPolicies();
    private final String home;
    private volatile Path file;
    private volatile boolean fileNamed;
    private volatile int ranking;
    private volatile InForce inForce;

    @Activate
    public DenyListPolicy(Config config, BundleContext context) {
        this(config, context.getProperty(HOME));
    }

    /** @param home the daemon's home directory, or {@code null}: the working directory */
    DenyListPolicy(Config config, String home) {
        this.home = home;
        configure(config);
    }

    /** A new file or ranking takes over in place, so the policy is never withdrawn meanwhile. */
    @Modified
    synchronized void configure(Config config) {
        fileNamed = !config.file().isBlank();
        file = fileNamed ? Path.of(config.file()) : Path.of(home != null ? home : "").resolve(DEFAULT_FILE);
        ranking = config.service_ranking();
        load();
    }

    @Reference(service = AccessPolicy.class, cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY,
            target = "(!(component.name=" + PID + "))", updated = "rerankPolicy")
    void addPolicy(AccessPolicy policy, Map<String, Object> properties) {
        others.put(properties, policy);
    }

    void rerankPolicy(AccessPolicy policy, Map<String, Object> properties) {
        others.put(properties, policy);
    }

    void removePolicy(AccessPolicy policy, Map<String, Object> properties) {
        others.remove(properties);
    }

    @Override
    public Decision decide(ConnectRequest request) {
        return switch (inForce) {
            case Unusable unusable -> new Decision.Deny(unusable.reason(), null);
            case Ranges ranges -> ranges.list().matchAny(request.resolved())
                    .map(entry -> refuse(request, entry))
                    .orElseGet(() -> delegate(request));
        };
    }

    private Decision refuse(ConnectRequest request, DenyList.Entry entry) {
        InetAddress listed = request.resolved().stream().filter(entry.range()::contains).findFirst().orElseThrow();
        // The core logs the refusal; sockd:check shows the rule. Deciding itself stays free of side effects.
        String reason = "destination " + AddressText.of(listed) + " is deny-listed by " + entry.source() + ":"
                + entry.line() + " (" + entry.range() + ")";
        return new Decision.Deny(reason, new MatchedRule(entry.source(), entry.line(), entry.range().toString()));
    }

    private Decision delegate(ConnectRequest request) {
        AccessPolicy next = others.below(ranking);
        if (next == null) {
            return new Decision.Deny("no access policy ranked below " + ranking + " to decide what the deny list allows",
                    null);
        }
        return next.decide(request);
    }

    @Override
    public boolean needsClientNames() {
        AccessPolicy next = others.below(ranking);
        return next != null && next.needsClientNames();
    }

    @Override
    public ReloadResult reload() {
        return load();
    }

    /** Reads the file; a file with an error replaces nothing but a list that was never usable. */
    private synchronized ReloadResult load() {
        String source = file.toString();
        return switch (DenyListFile.read(file)) {
            case DenyListFile.Loaded loaded -> {
                inForce = new Ranges(loaded.list());
                LOG.info("deny list: {} ranges from {}; requests to them are refused", loaded.list().entries().size(), source);
                yield new ReloadResult.Reloaded(source, loaded.list().entries().size());
            }
            case DenyListFile.Missing missing when !fileNamed -> {
                inForce = new Ranges(DenyList.empty(source));
                LOG.info("deny list: no {}: nothing is deny-listed", source);
                yield new ReloadResult.Reloaded(source, 0);
            }
            case DenyListFile.Missing missing -> keepOrRefuse(source, List.of(source + ": no such file"));
            case DenyListFile.Failed failed -> keepOrRefuse(source, failed.errors());
        };
    }

    private ReloadResult keepOrRefuse(String source, List<String> errors) {
        errors.forEach(error -> LOG.error("deny list: {}", error));
        if (inForce instanceof Ranges ranges) {
            LOG.error("deny list: {} unusable, the {} ranges from {} stay in force", source,
                    ranges.list().entries().size(), ranges.list().source());
        } else {
            inForce = new Unusable("deny list unusable: " + errors.getFirst());
            LOG.error("deny list: {} unusable, every request is refused until it is fixed", source);
        }
        return new ReloadResult.Failed(source, errors);
    }

    @Override
    public String title() {
        return "deny list from " + file + " (ranking " + ranking + ")";
    }

    @Override
    public List<String> dump() {
        return switch (inForce) {
            case Unusable unusable -> List.of("every request is refused: " + unusable.reason());
            case Ranges ranges -> ranges.list().entries().stream().map(DenyList.Entry::toString).toList();
        };
    }

    @Deactivate
    void deactivate() {
        others.freeze();
    }
}
