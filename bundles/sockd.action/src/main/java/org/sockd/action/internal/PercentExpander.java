package org.sockd.action.internal;

import java.net.InetAddress;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.sockd.api.ConnectRequest;
import org.sockd.api.action.Action;
import org.sockd.common.rules.PercentCode;

/**
 * Replaces the {@code %} codes of a rule's command (man/sockd.conf.5, Shell commands). The administrator's
 * text is kept as written, so pipes and {@code ;} work; every expansion is cleaned by
 * {@link ShellSafe}, and one a client chose loses its {@code /} as well.
 */
final class PercentExpander {

    /** Shown in the log when a command is refused for its length, as the classic daemon did. */
    static final int HEAD_LENGTH = 30;

    /**
     * What the expansions look up outside the request.
     *
     * @param hostName the forward-confirmed name of an address, or its literal when it has none
     * @param serviceName the tcp service name of a port, if it has one
     * @param pid the daemon's process id
     */
    record Lookups(Function<InetAddress, String> hostName, IntFunction<Optional<String>> serviceName, long pid) {
    }

    private final Lookups lookups;
    private final int maxLength;

    PercentExpander(Lookups lookups, int maxLength) {
        this.lookups = lookups;
        this.maxLength = maxLength;
    }

    /** @return the command to run, or {@link Expansion.TooLong} when it exceeds the length cap */
    Expansion expand(String template, Action action) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '%') {
                out.append(c);
            } else if (++i < template.length()) {
                PercentCode.of(template.charAt(i)).ifPresent(code -> out.append(cleaned(code, action)));
            }
            if (out.length() > maxLength) {
                return new Expansion.TooLong(out.substring(0, Math.min(HEAD_LENGTH, out.length())));
            }
        }
        return new Expansion.Ready(out.toString());
    }

    /**
     * Codes the classic daemon did not know expand to nothing, as they did there: they have no
     * {@link PercentCode}. The sockd.conf parser refuses them, so only another access policy can
     * bring one here.
     */
    private String cleaned(PercentCode code, Action action) {
        String value = value(code, action);
        return fromClient(code) ? ShellSafe.cleanFromClient(value) : ShellSafe.clean(value);
    }

    /**
     * Whether a client chooses the value. A name comes from the request or from reverse DNS, whose
     * answer the owner of the address writes, and the client picks its own address and the
     * destination; user-id and ident answer are the client's words. Addresses, port, service,
     * command and pid are the daemon's own text.
     */
    private static boolean fromClient(PercentCode code) {
        return switch (code) {
            case CLIENT_NAME, IDENT, USER, DESTINATION_NAME -> true;
            case CLIENT_ADDRESS, COMMAND, PID, SERVICE, PORT, DESTINATION_ADDRESS, PERCENT -> false;
        };
    }

    private String value(PercentCode code, Action action) {
        ConnectRequest request = action.request();
        return switch (code) {
            case CLIENT_NAME -> clientName(request);
            case CLIENT_ADDRESS -> request.client().remote().getAddress().getHostAddress();
            case COMMAND -> request.command().classicName();
            case PID -> Long.toString(lookups.pid());
            case SERVICE -> lookups.serviceName().apply(request.destination().port())
                    .orElse(Integer.toString(request.destination().port()));
            case PORT -> Integer.toString(request.destination().port());
            case IDENT -> action.ident() != null ? action.ident() : "unknown";
            case USER -> request.authenticatedUser() != null ? request.authenticatedUser() : request.user();
            case DESTINATION_NAME -> request.destination().isName() ? request.destination().host()
                    : lookups.hostName().apply(request.destination().address());
            case DESTINATION_ADDRESS -> destinationAddress(request);
            case PERCENT -> "%";
        };
    }

    /** The access policy may already have confirmed the client's names; then DNS is not asked again. */
    private String clientName(ConnectRequest request) {
        return request.clientNames().isEmpty()
                ? lookups.hostName().apply(request.client().remote().getAddress())
                : request.clientNames().get(0);
    }

    /** A name that did not resolve has no address: it expands to nothing. */
    private static String destinationAddress(ConnectRequest request) {
        if (!request.resolved().isEmpty()) {
            return request.resolved().get(0).getHostAddress();
        }
        return request.destination().isName() ? "" : request.destination().address().getHostAddress();
    }
}
