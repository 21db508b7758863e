package org.sockd.core.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.sockd.api.ConnectRequest;
import org.sockd.api.admin.SessionSnapshot;

/** A live session as administration sees it (sockd:sessions, sockd:kill, revalidation). */
final class AdminView {

    private AdminView() {
    }

    /** Empty when the client has already gone (its address can no longer be read). */
    static Optional<SessionSnapshot> of(LiveSession session) {
        LiveSession.Stage stage = session.stage();
        ConnectRequest request = stage.request();
        InetSocketAddress client;
        try {
            client = request != null ? request.client().remote()
                    : session.announcedClient() != null ? session.announcedClient()
                    : (InetSocketAddress) session.client().getRemoteAddress();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (client == null) {
            return Optional.empty();
        }
        String user = request == null ? ""
                : request.authenticatedUser() != null ? request.authenticatedUser() : request.user();
        return Optional.of(new SessionSnapshot(session.id(), client, user, stage.ident(),
                request == null ? null : request.command(), request == null ? null : request.destination(),
                stage.state(), session.started(), session.traffic().fromClient(), session.traffic().fromTarget(),
                session.connected()));
    }
}
