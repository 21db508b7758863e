package org.sockd.log.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.log.SessionEvent.Connected;
import org.sockd.api.log.SessionEvent.DatagramsDropped;
import org.sockd.api.log.SessionEvent.Ended;
import org.sockd.api.log.SessionEvent.Failed;
import org.sockd.api.log.SessionEvent.IdentMismatch;
import org.sockd.api.log.SessionEvent.IdentUnreachable;
import org.sockd.api.log.SessionEvent.ProtocolError;
import org.sockd.api.log.SessionEvent.Refused;
import org.sockd.api.log.SessionEvent.Terminated;
import org.sockd.api.log.SessionEvent.TimedOut;
import org.sockd.api.log.SessionEvent.UpstreamFailed;
import org.sockd.api.log.SessionEvent.WrongPeer;
import org.sockd.api.log.SessionInfo;
import org.sockd.common.net.AddressText;
import org.sockd.common.text.LogText;

/**
 * Turns session events into the lines of the classic daemon (man/sockd.8, LOGGING), and the end of a
 * session into one more line of its own after them, so that the classic lines stay as they were.
 */
final class ClassicLines {

    private final Function<InetAddress, String> hostName;
    private final IntFunction<String> serviceName;
    private final boolean endLines;

    /**
     * @param hostName the name to show for an address (or its literal)
     * @param serviceName the name to show for a TCP port (or its number)
     * @param endLines whether to write the {@code ended --} line (reason, duration, address)
     */
    ClassicLines(Function<InetAddress, String> hostName, IntFunction<String> serviceName, boolean endLines) {
        this.hostName = hostName;
        this.serviceName = serviceName;
        this.endLines = endLines;
    }

    List<String> linesFor(SessionEvent event) {
        return switch (event) {
            case Refused r -> List.of("refused -- " + request(r.session())
                    + (r.by() == null ? "" : " by " + LogText.escape(r.by())));
            case Connected c -> List.of("connected -- " + request(c.session()) + peerService(c.session(), c.target())
                    + resolvedAddress(c)
                    + (c.upstream() == null ? "" : " using sockd at " + LogText.escape(c.upstream())));
            case UpstreamFailed u -> List.of("Failed to connect to sockd at " + LogText.escape(u.server()) + ": "
                    + LogText.escape(u.reason()));
            case Failed f -> List.of("failed -- " + request(f.session()) + ".  Error"
                    + (f.call().isEmpty() ? "" : " code") + ": "
                    + (f.call().isEmpty() ? "" : LogText.escape(f.call()) + "() ") + LogText.escape(f.error()));
            case TimedOut t -> List.of("timed-out -- " + request(t.session()));
            case Terminated t -> List.of(
                    "terminated -- " + request(t.session()) + peerService(t.session(), t.peer()) + ".",
                    t.bytesFromClient() + " bytes from " + source(t.session().request())
                            + ", " + t.bytesFromTarget() + " bytes from "
                            + (t.peer() != null ? hostName.apply(t.peer().getAddress())
                                    : destination(t.session().request().destination())));
            case WrongPeer w -> List.of("failed -- " + request(w.session()) + ". Error: connected to wrong host "
                    + hostName.apply(w.peer().getAddress()) + " (" + serviceName.apply(w.peer().getPort()) + ")");
            case DatagramsDropped d -> List.of(request(d.session()) + ": dropped datagrams "
                    + new TreeMap<>(d.dropped()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(" ")));
            case IdentUnreachable i -> List.of("cannot connect to identd on " + source(i.session().request()));
            case IdentMismatch m -> List.of("*Alert*: real user is " + LogText.escape(String.valueOf(m.session().ident()))
                    + ", not " + user(m.session().request()));
            case Ended e -> endLines ? List.of(ended(e)) : List.of();
            case ProtocolError p -> List.of("error -- " + LogText.escape(p.message())
                    + " from host " + hostName.apply(p.client().remote().getAddress()));
        };
    }

    /** {@code ended -- <req> reason idle-timeout after 2h00m03s, connected to 127.0.0.2:8000} */
    private String ended(Ended ended) {
        return "ended -- " + request(ended.session()) + " reason " + ended.reason().text() + " after "
                + Durations.text(ended.duration())
                + (ended.connected() == null ? "" : ", connected to " + AddressText.of(ended.connected()))
                + (ended.detail() == null ? "" : " (" + LogText.escape(ended.detail()) + ")");
    }

    /**
     * A name may stand for several addresses, and not all of them permitted: the line says which
     * one was connected to ({@code ... to www.example.com (http) at 127.0.0.2}).
     */
    private static String resolvedAddress(Connected connected) {
        ConnectRequest request = connected.session().request();
        return request.command() == Command.CONNECT && connected.upstream() == null && request.destination().isName()
                ? " at " + AddressText.of(connected.target().getAddress())
                : "";
    }

    /** For BIND the classic lines name the service of the host that connected in: {@code (ftp-data)}. */
    private String peerService(SessionInfo session, InetSocketAddress peer) {
        return session.request().command() == Command.BIND && peer != null
                ? " (" + serviceName.apply(peer.getPort()) + ")"
                : "";
    }

    /** The classic request description, {@code Connect from user(ident)@src to dst (svc)}. */
    String request(SessionInfo session) {
        ConnectRequest request = session.request();
        String who = user(request) + "(" + (session.ident() == null ? "unknown" : LogText.escape(session.ident()))
                + ")@" + source(request);
        Endpoint destination = request.destination();
        return switch (request.command()) {
            case CONNECT -> "Connect from " + who + " to " + destination(destination)
                    + " (" + serviceName.apply(destination.port()) + ")";
            case BIND -> "Bind from " + who + " for " + destination(destination);
            case UDP_ASSOCIATE -> "UDP associate from " + who + " for " + destination(destination);
        };
    }

    private static String user(ConnectRequest request) {
        String user = request.authenticatedUser() != null ? request.authenticatedUser() : request.user();
        return LogText.escape(user);
    }

    private String source(ConnectRequest request) {
        return hostName.apply(request.client().remote().getAddress());
    }

    private String destination(Endpoint destination) {
        if (destination.isName()) {
            return LogText.escape(destination.host());
        }
        if (destination.address().isAnyLocalAddress()) {
            return "Unspecified.Host";
        }
        return hostName.apply(destination.address());
    }
}
