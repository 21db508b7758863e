package org.sockd.access.internal;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.access.internal.parse.ConfError;
import org.sockd.access.internal.parse.ConfParser;
import org.sockd.access.internal.parse.ParseResult;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.common.netdb.Services;

/**
 * The classic sockd.conf as an {@link AccessPolicy}. A file that cannot be read or has any error
 * leaves the policy with no rules, so it refuses everything rather than half a configuration.
 * Public only because Felix SCR calls public constructors alone.
 */
@Component(name = "sockd.access.sockdconf", service = AccessPolicy.class,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SockdConfPolicy.Config.class)
public final class SockdConfPolicy implements AccessPolicy {

    @ObjectClassDefinition(name = "sockd access: sockd.conf",
            description = "Access rules read from a classic sockd.conf file")
    public @interface Config {
        @AttributeDefinition(description = "Path of the sockd.conf file")
        String file() default "config/sockd.conf";

        @AttributeDefinition(description = "Daemon-wide ident check (-I strict, -i lenient) for rules without ?=",
                options = {@Option(label = "off", value = "OFF"), @Option(label = "lenient (-i)", value = "LENIENT"),
                        @Option(label = "strict (-I)", value = "STRICT")})
        String ident_mode() default "OFF";

        @AttributeDefinition(description = "Name of this policy, for administration")
        String sockd_policy_name() default "sockd.conf";

        @AttributeDefinition(description = "The highest-ranked access policy is the one in use")
        int service_ranking() default 0;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SockdConfPolicy.class);

    private final RuleEngine engine;
    // A reload will parse the new file completely and swap it in only when it is valid.
    private final AtomicReference<RuleSet> rules;

    @Activate
    public SockdConfPolicy(Config config) {
        Path file = Path.of(config.file());
        Optional<IdentMode> mode = identMode(config.ident_mode());
        this.engine = new RuleEngine(mode.orElse(IdentMode.STRICT));
        this.rules = new AtomicReference<>(mode.isPresent()
                ? load(file)
                : refuseAll(file, "ident.mode " + config.ident_mode() + " is not OFF, LENIENT or STRICT"));
    }

    @Override
    public Decision decide(ConnectRequest request) {
        try {
            return engine.decide(rules.get(), request);
        } catch (RuntimeException e) {
            // The request itself is not logged: its user-id and host name come from the client.
            LOG.error("policy error, request refused", e);
            return new Decision.Deny("policy error", null);
        }
    }

    private static Optional<IdentMode> identMode(String value) {
        try {
            return Optional.of(IdentMode.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static RuleSet load(Path file) {
        ParseResult result;
        try {
            result = new ConfParser(Services.system()).parseFile(file);
        } catch (UncheckedIOException e) {
            return refuseAll(file, e.getMessage());
        }
        return switch (result) {
            case ParseResult.Parsed parsed -> loaded(file, parsed.rules());
            case ParseResult.Invalid invalid -> refuseAll(file, errors(invalid.errors()));
        };
    }

    private static RuleSet loaded(Path file, RuleSet set) {
        LOG.info("loaded {} rules from {}", set.rules().size(), file);
        if (set.rules().isEmpty()) {
            LOG.warn("{} has no rules: every request is refused", file);
        }
        return set;
    }

    private static String errors(List<ConfError> errors) {
        errors.forEach(error -> LOG.error("{}", error));
        return errors.size() == 1 ? "1 error" : errors.size() + " errors";
    }

    private static RuleSet refuseAll(Path file, String why) {
        LOG.error("{} not loaded ({}): refusing every request", file, why);
        return RuleSet.empty(file.toString());
    }
}
