package org.sockd.itest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.log.SessionListener;

/** Keeps every session event it is given, for the tests to look at. */
final class RecordingListener implements SessionListener {

    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(SessionEvent event) {
        events.add(event);
    }

    /** Waits for an event of the given type about a request to the given port. */
    <T extends SessionEvent> T await(Class<T> type, int port) throws Exception {
        return Poll.until(() -> events.stream().filter(event -> type.isInstance(event) && portOf(event) == port)
                .findFirst().map(type::cast).orElse(null),
                Poll.PATIENCE, () -> "a " + type.getSimpleName() + " event for port " + port + " in " + events);
    }

    private static int portOf(SessionEvent event) {
        return switch (event) {
            case SessionEvent.Refused e -> e.session().request().destination().port();
            case SessionEvent.Connected e -> e.session().request().destination().port();
            case SessionEvent.UpstreamFailed e -> e.session().request().destination().port();
            case SessionEvent.Failed e -> e.session().request().destination().port();
            case SessionEvent.TimedOut e -> e.session().request().destination().port();
            case SessionEvent.Terminated e -> e.session().request().destination().port();
            case SessionEvent.IdentUnreachable e -> e.session().request().destination().port();
            case SessionEvent.IdentMismatch e -> e.session().request().destination().port();
            case SessionEvent.WrongPeer e -> e.session().request().destination().port();
            case SessionEvent.DatagramsDropped e -> e.session().request().destination().port();
            case SessionEvent.Ended e -> e.session().request().destination().port();
            case SessionEvent.ProtocolError e -> -1;
        };
    }
}
