package org.sockd.log.internal;

import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
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

        @AttributeDefinition(description = "Events that may wait for the log writer before new ones are dropped and counted")
        int queue_size() default 65536;
    }

    private static final Logger LOG = LoggerFactory.getLogger("sockd");
    private static final long NAME_TTL = TimeUnit.MINUTES.toNanos(5);

    private final ClassicLines lines;
    private final AsyncLog<SessionEvent> queue;

    @Activate
    public ClassicLogListener(Config config) {
        Services services = Services.system();
        HostNames names = new HostNames(HostNames::confirmedName, NAME_TTL);
        this.lines = new ClassicLines(
                config.resolve_names() ? names::nameOf : address -> address.getHostAddress(),
                port -> services.name(port).orElse(Integer.toString(port)));
        this.queue = new AsyncLog<>(config.queue_size(), this::write,
                lost -> LOG.error("log queue full: {} session events were not logged", lost));
    }

    @Override
    public void onEvent(SessionEvent event) {
        queue.submit(event);
    }

    private void write(SessionEvent event) {
        for (String line : lines.linesFor(event)) {
            LOG.info("{}", line);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        queue.close();
    }
}
