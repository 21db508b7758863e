package org.sockd.api.protocol;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ConsumerType;

/** The header a protocol puts on each UDP datagram it relays (SOCKS 5: RFC 1928 section 7). */
@ConsumerType
public interface DatagramCodec {

    /**
     * Reads the header of a datagram from the client.
     *
     * @param packet the datagram as received, from its position to its limit; not kept
     * @return the destination and a copy of the payload, or why the datagram is dropped
     */
    DecodedDatagram decode(ByteBuffer packet);

    /**
     * Wraps a datagram from a remote host for the client.
     *
     * @param source where the datagram came from
     * @param payload the datagram's data, from its position to its limit; not kept
     * @return the header followed by the payload, ready to send
     */
    ByteBuffer encode(InetSocketAddress source, ByteBuffer payload);
}
