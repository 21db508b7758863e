package org.sockd.api.protocol;

import java.io.IOException;
import java.io.InputStream;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads the PROXY protocol header (version 1 or 2) a load balancer sends before its client's
 * bytes. The core asks it on listeners that require the header, and only for connections from
 * networks the listener trusts.
 */
@ConsumerType
public interface ProxyHeaderReader {

    /**
     * Reads one header, and not a byte more: what follows it is the client's and stays in the
     * stream. Lengths are capped (a version 1 line at 107 bytes, a version 2 header at a few KiB).
     * The core bounds the time this may take by closing the connection.
     *
     * @param in the connection's input, at its first byte
     * @return the header, or why there is none (a connection that ends early is {@code Malformed})
     * @throws IOException when reading fails
     */
    ProxyHeader read(InputStream in) throws IOException;
}
