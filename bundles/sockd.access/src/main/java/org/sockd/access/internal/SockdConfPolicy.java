package org.sockd.access.internal;

import java.io.Closeable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.access.internal.parse.CanonicalText;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.Preview;
import org.sockd.api.access.Previewable;
import org.sockd.api.admin.Dumpable;
import org.sockd.api.admin.FileVerdict;
import org.sockd.api.admin.LoadedFile;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.Reloadable;
import org.sockd.common.config.Settings;
import org.sockd.common.files.FrozenName;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.Handover;
import org.sockd.common.reload.LiveFile;
import org.sockd.common.reload.LoadResult;

/**
 * The classic sockd.conf as an {@link AccessPolicy}. At start, a file that cannot be read or has
 * any error leaves the policy with no rules, so it refuses everything rather than half a
 * configuration; a reload (SIGHUP, {@code sockd:reload}, or the file changing on disk) with such a
 * file keeps the rules in force. Public only because Felix SCR calls public constructors alone.
 */
@Component(name = SockdConfPolicy.PID, service = {AccessPolicy.class, Reloadable.class, Dumpable.class, LoadedFile.class},
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SockdConfPolicy.Config.class)
public final class SockdConfPolicy implements AccessPolicy, Reloadable, Dumpable, LoadedFile, Previewable {

    static final String PID = "sockd.access.sockdconf";

    @ObjectClassDefinition(name = "sockd access: sockd.conf",
            description = "Access rules read from a classic sockd.conf file")
    public @interface Config {
        @AttributeDefinition(description = "Path of the sockd.conf file")
        String file() default "config/sockd.conf";

        @AttributeDefinition(description = "Daemon-wide ident check (-I strict, -i lenient) for rules without ?=",
                options = {@Option(label = "off", value = "OFF"), @Option(label = "lenient (-i)", value = "LENIENT"),
                        @Option(label = "strict (-I)", value = "STRICT")})
        String ident_mode() default "OFF";

        @AttributeDefinition(description = "Reload the rules when the file, or a user file it names, changes on disk")
        boolean watch() default true;

        @AttributeDefinition(description = "How often to look at the files for changes, in milliseconds")
        long watch_period_ms() default 1000;

        @AttributeDefinition(description = "Name of this policy, for administration")
        String sockd_policy_name() default "sockd.conf";

        @AttributeDefinition(description = "The highest-ranked access policy is the one in use")
        int service_ranking() default 0;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SockdConfPolicy.class);

    /** What one configuration made: the engine, the rules it decides by, and how they are read. */
    private record Rules(RuleEngine engine, LiveFile<RuleSet> file, Function<Path, LoadResult<RuleSet>> reader)
            implements Closeable {
        @Override
        public void close() {
            file.close();
        }
    }

    private final Handover<Rules> rules;

    @Activate
    public SockdConfPolicy(Config config) {
        this.rules = new Handover<>(load(config));
    }

    /**
     * A changed configuration (another file, ident mode or ranking) takes over in place: requests
     * in a gap without a policy would be refused.
     */
    @Modified
    void modified(Config config) {
        rules.handTo(load(config));
    }

    private static Rules load(Config config) {
        Settings.requirePositive(PID, "watch.period.ms", config.watch_period_ms());
        Path file = Path.of(config.file());
        Optional<IdentMode> mode = identMode(config.ident_mode());
        Function<Path, LoadResult<RuleSet>> reader = mode.isPresent() ? RulesFile::read : badIdentMode(config);
        LiveFile<RuleSet> live = new LiveFile<>(file, reader, RulesFile.KIND, LOG);
        live.watchIf(config.watch(), "sockd-file-watch", Duration.ofMillis(config.watch_period_ms()),
                () -> watched(file, live.current()));
        return new Rules(new RuleEngine(mode.orElse(IdentMode.STRICT)), live, reader);
    }

    @Override
    public Decision decide(ConnectRequest request) {
        Rules now = rules.current();
        try {
            return now.engine().decide(now.file().current(), request);
        } catch (RuntimeException e) {
            // The request itself is not logged: its user-id and host name come from the client.
            LOG.error("policy error, request refused", e);
            return new Decision.Deny("policy error", null);
        }
    }

    @Override
    public boolean needsClientNames() {
        return current().usesSourceNames();
    }

    @Override
    public ReloadResult reload() {
        return rules.current().file().reload();
    }

    @Override
    public FileVerdict verdict() {
        return rules.current().file().verdict();
    }

    @Override
    public Preview preview() {
        Rules now = rules.current();
        return RulesPreview.of(now.file().file(), now.reader(), now.engine());
    }

    @Override
    public String title() {
        RuleSet current = current();
        return "rules from " + current.source() + " (" + current.rules().size() + " rules; no match is deny)";
    }

    @Override
    public List<String> dump() {
        return CanonicalText.numberedLines(current());
    }

    @Deactivate
    void deactivate() {
        rules.close();
    }

    private RuleSet current() {
        return rules.current().file().current();
    }

    private static Optional<IdentMode> identMode(String value) {
        try {
            return Optional.of(IdentMode.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A configuration error no edit of the file can cure: every load and reload fails with it. */
    private static Function<Path, LoadResult<RuleSet>> badIdentMode(Config config) {
        FileError error = new FileError(PID, 0, "ident.mode " + config.ident_mode() + " is not OFF, LENIENT or STRICT");
        return file -> LoadResult.invalid(error);
    }

    /**
     * The rules file, its frozen form (which wins when it exists, so its appearing counts too) and
     * the user files its {@code *=/path} entries name.
     */
    private static Set<Path> watched(Path file, RuleSet rules) {
        Set<Path> files = new HashSet<>(rules.referencedFiles());
        files.add(file);
        files.add(FrozenName.of(file));
        return files;
    }
}
