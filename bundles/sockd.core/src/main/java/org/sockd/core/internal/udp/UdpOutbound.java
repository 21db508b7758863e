package org.sockd.core.internal.udp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnsupportedAddressTypeException;
import org.sockd.api.protocol.DecodedDatagram;

/**
 * Sends one decoded datagram from the client on: within the size limit, where the gate says,
 * to at most so many targets. Used by the association's client thread only.
 */
final class UdpOutbound {

    private final UdpDecisions decisions;
    private final UdpLimits limits;
    private final UdpPeers peers;
    private final UdpRemotes remotes;
    private final UdpTally tally;
    private final UdpIdle idle;
    /** The client thread while it waits for the gate's answer, else {@code null}. */
    private volatile Thread gateWaiter;

    UdpOutbound(UdpDecisions decisions, UdpLimits limits, UdpPeers peers, UdpRemotes remotes, UdpTally tally,
            UdpIdle idle) {
        this.decisions = decisions;
        this.limits = limits;
        this.peers = peers;
        this.remotes = remotes;
        this.tally = tally;
        this.idle = idle;
    }

    /**
     * @throws ClosedChannelException when the association is closed
     * @throws InterruptedException when the association is closed during the gate's lookup
     */
    void send(DecodedDatagram.Datagram datagram) throws IOException, InterruptedException {
        byte[] payload = datagram.payload();
        if (payload.length > limits.maxDatagram()) {
            tally.dropped(UdpTally.Drop.OVERSIZE);
            return;
        }
        UdpGate.Verdict verdict;
        gateWaiter = Thread.currentThread();
        try {
            verdict = decisions.decide(datagram.destination());
        } finally {
            gateWaiter = null;
        }
        switch (verdict) {
            case UdpGate.Verdict.Drop drop -> tally.dropped(UdpTally.Drop.DENIED);
            case UdpGate.Verdict.Send send when !peers.admit(send.target()) ->
                tally.dropped(UdpTally.Drop.TOO_MANY_PEERS);
            case UdpGate.Verdict.Send send -> {
                try {
                    remotes.channelFor(send.localAddress()).send(ByteBuffer.wrap(payload), send.target());
                    tally.fromClient(payload.length);
                    idle.relayed();
                } catch (ClosedChannelException e) {
                    throw e;
                } catch (IOException | UnsupportedAddressTypeException | UnsupportedOperationException e) {
                    tally.dropped(UdpTally.Drop.SEND_FAILED);
                }
            }
        }
    }

    /**
     * Ends a wait on the gate (a name lookup) as the association closes. Only that wait needs an
     * interrupt: interrupting a thread inside a send would throw after the datagram left, and its
     * bytes would go uncounted.
     */
    void interruptGateWait(Thread closer) {
        Thread waiter = gateWaiter;
        if (waiter != null && waiter != closer) {
            waiter.interrupt();
        }
    }
}
