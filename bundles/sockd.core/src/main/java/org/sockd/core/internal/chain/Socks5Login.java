package org.sockd.core.internal.chain;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.sockd.api.upstream.Login;

/**
 * The SOCKS 5 method negotiation as a client, offering exactly one method: no authentication, or
 * username/password (RFC 1929) when there is a login. Anything but the offered method back is a
 * failure of the upstream, and so is a rejected login.
 */
final class Socks5Login {

    static final int NO_AUTHENTICATION = 0x00;
    static final int USERNAME_PASSWORD = 0x02;
    static final int NO_ACCEPTABLE_METHOD = 0xFF;
    private static final int SUBNEGOTIATION_VERSION = 0x01;

    private Socks5Login() {
    }

    /** @return empty when logged in, else why the upstream failed */
    static Optional<String> negotiate(InputStream in, OutputStream out, Login login) throws IOException {
        int offered = login == null ? NO_AUTHENTICATION : USERNAME_PASSWORD;
        out.write(new byte[] {5, 1, (byte) offered});
        out.flush();
        Optional<String> method = checkMethod(HopInput.exactly(in, 2), offered);
        if (method.isPresent() || login == null) {
            return method;
        }
        out.write(credentials(login));
        out.flush();
        return checkStatus(HopInput.exactly(in, 2));
    }

    static Optional<String> checkMethod(byte[] answer, int offered) {
        int method = answer[1] & 0xFF;
        if (answer[0] != 5) {
            return Optional.of("bad method reply version " + (answer[0] & 0xFF));
        }
        if (method == NO_ACCEPTABLE_METHOD) {
            return Optional.of("no acceptable authentication method");
        }
        return method == offered ? Optional.empty() : Optional.of("chose method " + method + ", not offered");
    }

    static Optional<String> checkStatus(byte[] answer) {
        if (answer[0] != SUBNEGOTIATION_VERSION) {
            return Optional.of("bad login reply version " + (answer[0] & 0xFF));
        }
        // the reason names no credential: it reaches the log
        return answer[1] == 0 ? Optional.empty() : Optional.of("login rejected (status " + (answer[1] & 0xFF) + ")");
    }

    /** VER ULEN UNAME PLEN PASSWD; {@link #fits} said both parts have 1 to 255 bytes. */
    static byte[] credentials(Login login) {
        byte[] name = login.name().getBytes(UTF_8);
        byte[] password = login.password().getBytes(UTF_8);
        return ByteBuffer.allocate(3 + name.length + password.length)
                .put((byte) SUBNEGOTIATION_VERSION)
                .put((byte) name.length).put(name)
                .put((byte) password.length).put(password)
                .array();
    }

    /** RFC 1929 carries 1 to 255 bytes of each. */
    static boolean fits(Login login) {
        int name = login.name().getBytes(UTF_8).length;
        int password = login.password().getBytes(UTF_8).length;
        return name >= 1 && name <= 255 && password >= 1 && password <= 255;
    }
}
