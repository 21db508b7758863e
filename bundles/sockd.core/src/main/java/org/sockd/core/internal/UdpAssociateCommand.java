package org.sockd.core.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.sockd.api.admin.SessionState;
import org.sockd.api.log.EndReason;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.protocol.DatagramCodec;
import org.sockd.api.protocol.Refusal;
import org.sockd.core.internal.udp.UdpAssociation;
import org.sockd.core.internal.udp.UdpCounters;
import org.sockd.core.internal.udp.UdpLimits;

/**
 * UDP ASSOCIATE: a relay socket on the address the client reached, datagrams accepted from the
 * client's host only, each destination decided by a {@link DatagramGate}; the association lives
 * as long as the control connection (or until it idles out).
 */
final class UdpAssociateCommand {

    private final Exchange exchange;

    UdpAssociateCommand(Exchange exchange) {
        this.exchange = exchange;
    }

    void serve() throws IOException {
        Optional<DatagramCodec> codec = exchange.handler().datagrams();
        if (codec.isEmpty()) {
            exchange.fail(new SessionEvent.Failed(exchange.info(), exchange.request().command().classicName(),
                    "command not supported"), Refusal.COMMAND_NOT_SUPPORTED);
            return;
        }
        CoreConfig config = exchange.config();
        InetAddress client = exchange.client().remote().getAddress();
        ClientSlots associations = exchange.context().associations();
        Optional<String> full = associations.take(client,
                new ClientSlots.Caps(config.max_udp_associations(), config.max_udp_associations_per_client()));
        if (full.isPresent()) {
            exchange.refuse("limit", new SessionEvent.Refused(exchange.info(), full.get() + " reached",
                    "limit " + full.get()), Refusal.GENERAL_FAILURE);
            return;
        }
        try {
            associate(config, codec.get());
        } finally {
            associations.release(client);
        }
    }

    /** Holds a slot of {@code max.udp.associations} while the association lives. */
    private void associate(CoreConfig config, DatagramCodec codec) throws IOException {
        UdpAssociation association;
        try {
            association = UdpAssociation.open(exchange.client().local().getAddress(), exchange.listener().udpPorts(),
                    exchange.client().remote().getAddress(), exchange.request().destination().port(), codec,
                    new DatagramGate(exchange.info().request(), exchange.context()),
                    new UdpLimits(config.udp_idle_timeout_ms(), config.udp_max_peers(), UdpLimits.defaults().maxDatagram()));
        } catch (IOException e) {
            exchange.fail(new SessionEvent.Failed(exchange.info(), "bind", String.valueOf(e.getMessage())),
                    Refusal.GENERAL_FAILURE);
            return;
        }
        LiveSession live = exchange.live();
        live.hold(association);
        live.traffic(new AssociationTraffic(association));
        exchange.grant(exchange.listener().advertise(association.relayAddress()));
        exchange.stage(SessionState.RELAYING);
        exchange.emit(new SessionEvent.Connected(exchange.info(), association.relayAddress(), association.relayAddress()));
        relay(association);
    }

    private void relay(UdpAssociation association) {
        LiveSession live = exchange.live();
        association.start();
        // an association that idles out closes the control connection, which ends the wait below
        Thread idleWatch = Thread.ofVirtual().name("sockd-udp-idle-" + live.id()).start(() -> {
            try {
                association.awaitEnd(Long.MAX_VALUE);
                live.closeFor(EndReason.IDLE_TIMEOUT, null);
            } catch (InterruptedException e) {
                // the control connection ended first
            }
        });
        awaitControlEnd();
        association.close();
        idleWatch.interrupt();
        UdpCounters counters = association.counters();
        exchange.context().tally().udp(counters);
        exchange.emit(new SessionEvent.Terminated(exchange.info(), counters.fromClientBytes(), counters.fromTargetsBytes()));
        if (counters.dropped() > 0) {
            exchange.emit(new SessionEvent.DatagramsDropped(exchange.info(), counters.droppedByReason()));
        }
        exchange.ended();
    }

    /** Reads and drops whatever the client sends on the control connection until it closes. */
    private void awaitControlEnd() {
        ByteBuffer sink = ByteBuffer.allocate(64);
        try {
            while (exchange.live().client().read(sink.clear()) >= 0) {
                // RFC 1928 gives the control connection no further use
            }
            exchange.live().endBy(EndReason.CLIENT_CLOSED, null);
        } catch (IOException e) {
            // reset by the client, or closed by the idle watch or an administrator (their cause came first)
            exchange.live().endByFailure(e);
        }
    }

    /** An association's payload bytes, as the byte counts of its session. */
    private record AssociationTraffic(UdpAssociation association) implements LiveSession.Traffic {

        @Override
        public long fromClient() {
            return association.counters().fromClientBytes();
        }

        @Override
        public long fromTarget() {
            return association.counters().fromTargetsBytes();
        }
    }
}
