package org.sockd.api.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.osgi.annotation.versioning.ConsumerType;
import org.sockd.api.ClientInfo;

/**
 * One SOCKS 5 authentication method (RFC 1928 section 3), such as username/password (RFC 1929).
 * While any authenticator is registered, SOCKS 5 clients must pass one of them: the core offers
 * the registered methods in its configured order of preference and never "no authentication".
 */
@ConsumerType
public interface Authenticator {

    /** @return the RFC 1928 method number, e.g. {@code 0x02} for username/password */
    int method();

    /**
     * Runs the method's sub-negotiation after the core has selected the method. Writes the
     * method's own status reply. Never puts a secret into the result or into an exception.
     *
     * @param in the client's input, positioned after the method selection
     * @param out the client's output
     * @param client the client
     * @return who the client proved to be, or why it failed
     * @throws IOException when the connection fails
     */
    Authentication authenticate(InputStream in, OutputStream out, ClientInfo client) throws IOException;
}
