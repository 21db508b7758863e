package org.sockd.launcher.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.admin.Dumpable;
import org.sockd.api.admin.ListenerInfo;
import org.sockd.common.admin.DumpReport;
import org.sockd.common.admin.RegistrationOrder;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGUSR1 writes the configuration in effect to the log: through the logger
 * {@code sockd}, like the classic lines, so that it reaches syslog where they do. The JVM leaves
 * SIGUSR1 to applications on Linux (it uses SIGQUIT for thread dumps). Public only because Felix
 * SCR calls public constructors alone.
 */
@Component(immediate = true, service = {})
public final class ConfigDump {

    private static final Logger CLASSIC = LoggerFactory.getLogger("sockd");
    private static final Logger LOG = LoggerFactory.getLogger(ConfigDump.class);
    private static final Signal USR1 = new Signal("USR1");

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, Dumpable>> dumpables = List.of();

    @Reference(service = ListenerInfo.class, cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY)
    private volatile List<Map<String, Object>> listeners = List.of();

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY,
            target = "(" + FlagOverrides.MARK + "=true)")
    private volatile ConfigurationPlugin flags;

    private final ConfigurationAdmin configAdmin;
    private final Optional<SignalHandler> previous;

    @Activate
    public ConfigDump(@Reference ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
        Optional<SignalHandler> replaced;
        try {
            replaced = Optional.of(Signal.handle(USR1, signal -> dump()));
        } catch (IllegalArgumentException e) {
            // the JVM or the platform keeps the signal for itself
            LOG.warn("SIGUSR1 cannot be handled ({}): no configuration dump on signal", e.getMessage());
            replaced = Optional.empty();
        }
        this.previous = replaced;
    }

    private void dump() {
        try {
            DumpReport policies = DumpReport.of(RegistrationOrder.of(dumpables));
            DumpText.lines(listenerLines(), configurations(), policies).forEach(line -> CLASSIC.info("{}", line));
        } catch (IOException | RuntimeException e) {
            LOG.error("SIGUSR1: the configuration dump failed", e);
        }
    }

    private List<String> listenerLines() {
        return listeners.stream()
                .map(properties -> properties.get(ListenerInfo.ADDRESS)
                        + (properties.get(Constants.SERVICE_PID) == null ? "" : " (" + properties.get(Constants.SERVICE_PID) + ")"))
                .sorted()
                .toList();
    }

    private List<DumpText.Configured> configurations() throws IOException {
        List<DumpText.Configured> configured = new ArrayList<>();
        Configuration[] all = ConfigFiles.list(configAdmin, "(" + Constants.SERVICE_PID + "=sockd.*)");
        Arrays.sort(all, Comparator.comparing(Configuration::getPid));
        for (Configuration configuration : all) {
            Dictionary<String, Object> stored = configuration.getProperties();
            if (stored != null) {
                configured.add(effective(configuration.getPid(), stored));
            }
        }
        return configured;
    }

    private DumpText.Configured effective(String pid, Dictionary<String, Object> stored) {
        Map<String, Object> before = new HashMap<>();
        stored.keys().asIterator().forEachRemaining(key -> before.put(key, stored.get(key)));
        Dictionary<String, Object> applied = new Hashtable<>(before);
        ConfigurationPlugin overrides = flags;
        if (overrides != null) {
            overrides.modifyConfiguration(null, applied);
        }
        Map<String, Object> after = new HashMap<>();
        Set<String> fromFlags = new HashSet<>();
        applied.keys().asIterator().forEachRemaining(key -> {
            after.put(key, applied.get(key));
            if (!Objects.deepEquals(before.get(key), applied.get(key))) {
                fromFlags.add(key);
            }
        });
        Object file = before.get(ConfigFiles.FILENAME);
        String source = file == null ? "set at run time" : Path.of(URI.create(file.toString())).toString();
        return new DumpText.Configured(pid, source, after, fromFlags);
    }

    @Deactivate
    void deactivate() {
        previous.ifPresent(handler -> Signal.handle(USR1, handler));
    }
}
