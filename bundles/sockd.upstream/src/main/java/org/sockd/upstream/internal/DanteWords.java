package org.sockd.upstream.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.sockd.api.Command;
import org.sockd.api.upstream.UpstreamProtocol;

/** The words of Dante route blocks that name protocols and commands. */
final class DanteWords {

    /**
     * A route without {@code command:} matches every command, UDP included: a UDP datagram whose
     * route leads to an upstream is then dropped, never sent direct by a later line.
     */
    static final Set<Command> ALL_COMMANDS = Set.copyOf(EnumSet.allOf(Command.class));

    private DanteWords() {
    }

    static String protocol(UpstreamProtocol protocol) {
        return switch (protocol) {
            case SOCKS4, SOCKS4A -> "socks_v4";
            case SOCKS5 -> "socks_v5";
            case HTTP -> "http";
        };
    }

    static Optional<UpstreamProtocol> protocol(String word) {
        return switch (word) {
            case "socks_v4" -> Optional.of(UpstreamProtocol.SOCKS4);
            case "socks_v5" -> Optional.of(UpstreamProtocol.SOCKS5);
            case "http" -> Optional.of(UpstreamProtocol.HTTP);
            default -> Optional.empty();
        };
    }

    static Optional<Command> command(String word) {
        return switch (word) {
            case "connect" -> Optional.of(Command.CONNECT);
            case "bind" -> Optional.of(Command.BIND);
            default -> Optional.empty();
        };
    }
}
