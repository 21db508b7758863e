package org.sockd.api.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;
import org.sockd.api.ClientInfo;
import org.sockd.api.auth.Authenticator;

/**
 * Speaks one version of the SOCKS protocol. The core reads the first byte of every connection and
 * hands the connection to the handler registered for that version.
 */
@ConsumerType
public interface ProtocolHandler {

    /** @return the first byte this handler answers, 4 or 5 */
    int version();

    /**
     * Reads the rest of the handshake (the first byte has been consumed) up to a complete request.
     * Bytes may arrive split across any number of reads; the handler never reads past the end of
     * the request. The core bounds the time this may take by closing the connection.
     *
     * @param in the client's input, positioned after the version byte
     * @param out the client's output, for method negotiation and error replies
     * @param client the client
     * @param authenticators the authentication methods the client must choose from, in the
     *        administrator's order of preference; empty when no authentication is required. A
     *        protocol without authentication (SOCKS 4) ignores it; the core decides whether such
     *        clients are served.
     * @return the request, or why none could be read
     * @throws IOException when the connection fails; the core closes it
     */
    Handshake handshake(InputStream in, OutputStream out, ClientInfo client, List<Authenticator> authenticators)
            throws IOException;

    /**
     * Writes the reply to a request previously returned by {@link #handshake}.
     *
     * @param out the client's output
     * @param request the request being answered
     * @param reply the answer
     * @throws IOException when the connection fails
     */
    void reply(OutputStream out, SocksRequest request, Reply reply) throws IOException;

    /** @return how this protocol wraps relayed UDP datagrams, when it relays UDP at all */
    default Optional<DatagramCodec> datagrams() {
        return Optional.empty();
    }
}
