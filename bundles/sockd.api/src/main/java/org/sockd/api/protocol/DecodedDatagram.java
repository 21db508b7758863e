package org.sockd.api.protocol;

import java.util.Objects;
import org.sockd.api.Endpoint;

/** The outcome of {@link DatagramCodec#decode}. */
public sealed interface DecodedDatagram {

    /**
     * A datagram to relay.
     *
     * @param destination where the client wants it sent
     * @param payload the data after the header
     */
    record Datagram(Endpoint destination, byte[] payload) implements DecodedDatagram {
        public Datagram {
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * A datagram that is not relayed: truncated header, unknown address type, or a fragment.
     *
     * @param reason why, for counting and diagnostics
     */
    record Dropped(String reason) implements DecodedDatagram {
        public Dropped {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
