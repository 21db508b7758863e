package org.sockd.itest;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.sockd.api.ClientInfo;
import org.sockd.api.auth.Authentication;
import org.sockd.api.auth.Authenticator;

/**
 * RFC 1929 username/password that knows one user, so that a test can tell which of two registered
 * authenticators answered a handshake.
 */
record OneUserAuthenticator(String user, String password) implements Authenticator {

    @Override
    public int method() {
        return 0x02;
    }

    @Override
    public Authentication authenticate(InputStream in, OutputStream out, ClientInfo client) throws IOException {
        DataInputStream data = new DataInputStream(in);
        data.readUnsignedByte(); // sub-negotiation version
        String name = new String(data.readNBytes(data.readUnsignedByte()), StandardCharsets.UTF_8);
        String secret = new String(data.readNBytes(data.readUnsignedByte()), StandardCharsets.UTF_8);
        boolean accepted = name.equals(user) && secret.equals(password);
        out.write(new byte[] {1, (byte) (accepted ? 0 : 1)});
        out.flush();
        return accepted ? new Authentication.Accepted(name) : new Authentication.Rejected(name, "not " + user);
    }
}
