package org.sockd.log.internal;

import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.log.SessionListener;
import org.sockd.common.netdb.Services;

/** Writes the classic sockd log lines through the SLF4J logger named {@code sockd}. */
@Component(name = "sockd.log.classic", service = SessionListener.class)
@Designate(ocd = ClassicLogListener.Config.class)
public class ClassicLogListener implements SessionListener {

    @ObjectClassDefinition(name = "sockd classic log lines")
    public @interface Config {
        @AttributeDefinition(description = "Show hosts by their confirmed reverse-DNS name, as the classic daemon did")
        boolean resolve_names() default true;

        @AttributeDefinition(description = "After the classic lines of a session, one more: why it ended, "
                + "after how long, and the address connected to")
        boolean end_lines() default true;

        @AttributeDefinition(description = "Events that may wait for the log writer before new ones are dropped and counted")
        int queue_size() default 65536;
    }

    private static final Logger LOG = LoggerFactory.getLogger("sockd");
    private static final long NAME_TTL = TimeUnit.MINUTES.toNanos(5);

    /** The queue and the line format of one configuration. */
    private record Writer(AsyncLog<SessionEvent> queue) {
    }

    private volatile Writer writer;

    @Activate
    public ClassicLogListener(Config config) {
        this.writer = start(config);
    }

    /**
     * A changed configuration takes over in place: SCR would otherwise withdraw this listener while
     * restarting it, and the lines of sessions in that moment would be lost. The old queue is
     * written out before it stops.
     */
    @Modified
    void modified(Config config) throws InterruptedException {
        Writer previous = writer;
        writer = start(config);
        previous.queue().close();
    }

    private static Writer start(Config config) {
        Services services = Services.system();
        HostNames names = new HostNames(HostNames::confirmedName, NAME_TTL, System::nanoTime);
        ClassicLines lines = new ClassicLines(
                config.resolve_names() ? names::nameOf : address -> address.getHostAddress(),
                port -> services.name(port).orElse(Integer.toString(port)), config.end_lines());
        return new Writer(new AsyncLog<>(config.queue_size(), event -> write(lines, event),
                lost -> LOG.error("log queue full: {} session events were not logged", lost)));
    }

    @Override
    public void onEvent(SessionEvent event) {
        writer.queue().submit(event);
    }

    private static void write(ClassicLines lines, SessionEvent event) {
        for (String line : lines.linesFor(event)) {
            LOG.info("{}", line);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        writer.queue().close();
    }
}
