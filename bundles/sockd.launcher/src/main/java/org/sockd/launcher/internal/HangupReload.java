package org.sockd.launcher.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.admin.Reloadable;
import org.sockd.common.admin.ReloadAll;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGHUP re-reads the configuration files by the same path as {@code sockd:reload} ({@link ReloadAll}).
 * The JVM's own handler would take SIGHUP as a request to exit; it is put back on deactivation.
 * Public only because Felix SCR calls public constructors alone.
 */
@Component(immediate = true, service = {})
public final class HangupReload {

    private static final Logger LOG = LoggerFactory.getLogger(HangupReload.class);
    private static final Signal HUP = new Signal("HUP");

    // Empty until SCR sets it, which is after the constructor has installed the handler.
    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY)
    private volatile List<Reloadable> reloadables = List.of();

    private final Optional<SignalHandler> previous;

    @Activate
    public HangupReload() {
        Optional<SignalHandler> replaced;
        try {
            replaced = Optional.of(Signal.handle(HUP, signal -> ReloadAll.run(reloadables, LOG, "SIGHUP")));
        } catch (IllegalArgumentException e) {
            // e.g. the JVM was started with -Xrs, or the platform has no SIGHUP
            LOG.warn("SIGHUP cannot be handled ({}): reload with sockd:reload instead", e.getMessage());
            replaced = Optional.empty();
        }
        this.previous = replaced;
    }

    @Deactivate
    void deactivate() {
        previous.ifPresent(handler -> Signal.handle(HUP, handler));
    }
}
