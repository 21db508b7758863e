package org.sockd.api.log;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.sockd.api.ClientInfo;

/** Something that happened to a client session, as sent to every {@link SessionListener}. */
public sealed interface SessionEvent {

    /**
     * The request was refused by the access policy, by a failed ident check, because no policy
     * was registered, by socks.conf, or by the upstream it was sent to.
     *
     * @param session the session
     * @param reason why, for the log
     * @param by who refused it when it was not this daemon's access rules, as the classic line
     *        {@code refused -- <req> by <by>} names it: {@code socks.conf line 3}, {@code sockd at b
     *        (10.0.0.2:1080) (reply 91)}; {@code null} for a refusal by the rules, whose classic line
     *        names nothing
     */
    record Refused(SessionInfo session, String reason, String by) implements SessionEvent {
        public Refused {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(reason, "reason");
        }

        /** A refusal by this daemon's access rules or ident check. */
        public Refused(SessionInfo session, String reason) {
            this(session, reason, null);
        }
    }

    /**
     * An ident check got no usable answer from the identd on the client's host (classic
     * {@code cannot connect to identd on HOST}); whether the request goes on depends on the mode.
     *
     * @param session the session
     * @param reason what happened, for diagnostics
     */
    record IdentUnreachable(SessionInfo session, String reason) implements SessionEvent {
        public IdentUnreachable {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * identd on the client's host named another user than the client claimed (classic
     * {@code *Alert*: real user is X, not Y}); {@link SessionInfo#ident()} holds the real one.
     *
     * @param session the session
     */
    record IdentMismatch(SessionInfo session) implements SessionEvent {
        public IdentMismatch {
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * The outgoing connection is established and relaying begins.
     *
     * @param session the session
     * @param bound the local address of the outgoing connection
     * @param target the address actually connected to
     * @param upstream the upstream (socks.conf) that carried the request, as the classic line
     *        {@code connected -- <req> using sockd at <upstream>} names it: {@code b (127.0.0.1:1081)};
     *        {@code null} on a direct path
     */
    record Connected(SessionInfo session, InetSocketAddress bound, InetSocketAddress target, String upstream)
            implements SessionEvent {
        public Connected {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(bound, "bound");
            Objects.requireNonNull(target, "target");
        }

        /** Connected directly, not through an upstream. */
        public Connected(SessionInfo session, InetSocketAddress bound, InetSocketAddress target) {
            this(session, bound, target, null);
        }
    }

    /**
     * One upstream (or one address of it) did not carry the request; the next one in the list is
     * tried, if any. Classic {@code Failed to connect to sockd at <server>: <reason>}.
     *
     * @param session the session
     * @param server the upstream as written in socks.conf, with the address tried when there was
     *        one: {@code fw2 (10.0.0.2:1080)}
     * @param reason why, e.g. {@code Connection refused} or {@code reply 92}; never a password
     */
    record UpstreamFailed(SessionInfo session, String server, String reason) implements SessionEvent {
        public UpstreamFailed {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A permitted request could not be carried out, for example because connecting failed.
     *
     * @param session the session
     * @param call the failing operation in the classic style: {@code connect}, {@code socket}, ...;
     *        empty when no one operation failed (every upstream failed), and then the classic line
     *        reads {@code Error: <error>}
     * @param error the system's description of the error
     */
    record Failed(SessionInfo session, String call, String error) implements SessionEvent {
        public Failed {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * Setting up the session took longer than the configured limit.
     *
     * @param session the session
     */
    record TimedOut(SessionInfo session) implements SessionEvent {
        public TimedOut {
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * A relay ended.
     *
     * @param session the session
     * @param bytesFromClient bytes read from the client and written to the destination
     * @param bytesFromTarget bytes read from the destination and written to the client
     * @param peer for BIND, the host that connected in; otherwise {@code null}
     */
    record Terminated(SessionInfo session, long bytesFromClient, long bytesFromTarget, InetSocketAddress peer)
            implements SessionEvent {
        public Terminated {
            Objects.requireNonNull(session, "session");
        }

        /** The end of a CONNECT or UDP relay. */
        public Terminated(SessionInfo session, long bytesFromClient, long bytesFromTarget) {
            this(session, bytesFromClient, bytesFromTarget, null);
        }
    }

    /**
     * A granted session ended, after the events that tell what it moved ({@link Terminated},
     * {@link DatagramsDropped}). A session refused or failed before it was granted ends with the
     * event that says so, and has no {@code Ended}.
     *
     * @param session the session
     * @param reason why it ended
     * @param duration from the client's connection to the end
     * @param connected the address actually connected to (for BIND, the host that connected in);
     *        {@code null} for a UDP association, which has no single target
     * @param detail more about the reason, e.g. the rule that refuses a revalidated session or the
     *        error text; {@code null} when there is nothing more to say
     */
    record Ended(SessionInfo session, EndReason reason, Duration duration, InetSocketAddress connected, String detail)
            implements SessionEvent {
        public Ended {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * A BIND was answered by another host than the request named; the client got the failure
     * reply and both connections were closed.
     *
     * @param session the session
     * @param peer the host that connected in
     */
    record WrongPeer(SessionInfo session, InetSocketAddress peer) implements SessionEvent {
        public WrongPeer {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(peer, "peer");
        }
    }

    /**
     * A UDP association ended having dropped datagrams (each is counted, not logged).
     *
     * @param session the session
     * @param dropped how many, by reason (e.g. {@code denied}, {@code fragment}), only reasons with a count
     */
    record DatagramsDropped(SessionInfo session, Map<String, Long> dropped) implements SessionEvent {
        public DatagramsDropped {
            Objects.requireNonNull(session, "session");
            dropped = Map.copyOf(dropped);
        }
    }

    /**
     * A client broke the protocol before a request could be decoded.
     *
     * @param sessionId the session number
     * @param client the client
     * @param message what was wrong, in the classic wording where there is one
     */
    record ProtocolError(long sessionId, ClientInfo client, String message) implements SessionEvent {
        public ProtocolError {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(message, "message");
        }
    }
}
