package org.sockd.api.action;

import java.util.Objects;
import org.sockd.api.ConnectRequest;

/**
 * A command an access rule asks to run about one request.
 *
 * @param command the command as the administrator wrote it, {@code %} codes not yet expanded
 * @param origin where the command comes from, for the log ({@code sockd.conf:12})
 * @param request the request the command is about
 * @param ident the user-id identd reported, or {@code null} when none was asked or none answered
 */
public record Action(String command, String origin, ConnectRequest request, String ident) {

    public Action {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(request, "request");
    }
}
