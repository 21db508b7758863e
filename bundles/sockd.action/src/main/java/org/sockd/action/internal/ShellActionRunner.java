package org.sockd.action.internal;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.action.Action;
import org.sockd.api.action.ActionRunner;
import org.sockd.common.netdb.Services;

/**
 * Runs the shell commands of sockd.conf rules in the background: expanded with the classic
 * {@code %} codes, bounded in number and time, every outcome logged, nothing ever thrown back.
 */
@Component(name = "sockd.action.shell", service = ActionRunner.class)
@Designate(ocd = ShellActionRunner.Config.class)
public class ShellActionRunner implements ActionRunner {

    @ObjectClassDefinition(name = "sockd shell actions")
    public @interface Config {
        @AttributeDefinition(description = "Seconds a command may run before it and its children are killed")
        int timeout_seconds() default 30;

        @AttributeDefinition(description = "Commands that may run at the same time")
        int max_concurrent() default 8;

        @AttributeDefinition(description = "Actions that may wait for a free slot before new ones are dropped")
        int queue_size() default 256;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ShellActionRunner.class);
    static final int MAX_COMMAND_LENGTH = 4096;
    static final Duration KILL_GRACE = Duration.ofSeconds(1);
    static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final Duration DROP_REPORT_PERIOD = Duration.ofSeconds(10);

    private final PercentExpander expander;
    private final ShellRun shell;
    private final ActionPool pool;
    private final Consumer<ActionReport> reports;

    @Activate
    public ShellActionRunner(Config config) {
        this(Limits.of(config), new PercentExpander(systemLookups(), MAX_COMMAND_LENGTH), ShellActionRunner::log);
    }

    ShellActionRunner(Limits limits, PercentExpander expander, Consumer<ActionReport> reports) {
        this.expander = expander;
        this.shell = new ShellRun(limits.timeout(), new CommandSession(KILL_GRACE));
        this.pool = new ActionPool(limits.maxConcurrent(), limits.queueSize(), DROP_REPORT_PERIOD, reports);
        this.reports = reports;
    }

    @Override
    public void submit(Action action) {
        try {
            pool.submit(action.origin(), () -> run(action));
        } catch (RuntimeException e) {
            LOG.error("action not run", e);
        }
    }

    /** The edge of each action: whatever happens ends as one report. */
    private void run(Action action) {
        ActionReport report;
        try {
            report = switch (expander.expand(action.command(), action)) {
                case Expansion.Ready ready -> shell.run(action.origin(), ready.command());
                case Expansion.TooLong tooLong -> new ActionReport.TooLong(action.origin(), tooLong.head());
            };
        } catch (RuntimeException e) {
            report = new ActionReport.Failed(action.origin(), e.toString());
        }
        reports.accept(report);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        int notRun = pool.close(STOP_GRACE);
        if (notRun > 0) {
            LOG.warn("stopping: {} waiting actions not run", notRun);
        }
    }

    private static void log(ActionReport report) {
        LOG.atLevel(report.level()).log("{}", report.text());
    }

    private static PercentExpander.Lookups systemLookups() {
        return new PercentExpander.Lookups(ShellActionRunner::confirmedName, systemServices()::name,
                ProcessHandle.current().pid());
    }

    /** The JDK's reverse lookup also checks that the name resolves back to the address. */
    private static String confirmedName(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress()).getHostName();
        } catch (UnknownHostException e) {
            return address.getHostAddress(); // cannot happen: the address has a valid length
        }
    }

    /** Without the services file %S still works: it shows the port number. */
    private static Services systemServices() {
        try {
            return Services.system();
        } catch (UncheckedIOException e) {
            LOG.warn("%S shows port numbers only: {}", e.getMessage());
            return Services.parse(List.of());
        }
    }
}
