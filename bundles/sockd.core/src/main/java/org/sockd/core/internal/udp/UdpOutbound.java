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
record UdpOutbound(UdpDecisions decisions, UdpLimits limits, UdpPeers peers, UdpRemotes remotes, UdpTally tally,
        UdpIdle idle) {

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
        switch (decisions.decide(datagram.destination())) {
            case UdpGate.Verdict.Drop drop -> tally.dropped(UdpTally.Drop.DENIED);
            case UdpGate.Verdict.ThroughUpstream upstream -> tally.dropped(UdpTally.Drop.UPSTREAM_UNSUPPORTED);
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
}
