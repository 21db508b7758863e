package org.sockd.core.internal.chain;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.sockd.api.Command;
import org.sockd.api.Endpoint;
import org.sockd.api.protocol.Refusal;

/**
 * SOCKS 4 and 4A spoken as a client: VN CD DSTPORT DSTIP USERID NUL, then for 4A the name and a
 * NUL; the answer is VN=0 CD DSTPORT DSTIP. A 4A request marks its name with DSTIP 0.0.0.1.
 */
final class Socks4Hop {

    static final int GRANTED = 90;
    static final int FAILED = 91;
    private static final int REPLY_SIZE = 8;
    private static final byte[] NAME_FOLLOWS = {0, 0, 0, 1};

    private Socks4Hop() {
    }

    /** Sends the request and reads the (first) reply. */
    static HopAnswer negotiate(InputStream in, OutputStream out, Command command, Endpoint sent, String userId)
            throws IOException {
        out.write(request(command, sent, userId));
        out.flush();
        return reply(in);
    }

    /** Reads one reply: the only one for CONNECT, either of the two of a BIND. */
    static HopAnswer reply(InputStream in) throws IOException {
        return decode(HopInput.exactly(in, REPLY_SIZE));
    }

    /**
     * @param sent an IPv4 address, or a name (4A); the name and user-id passed {@link Fields#fits}
     */
    static byte[] request(Command command, Endpoint sent, String userId) {
        byte[] user = userId.getBytes(ISO_8859_1);
        byte[] name = sent.isName() ? sent.host().getBytes(ISO_8859_1) : new byte[0];
        ByteBuffer request = ByteBuffer.allocate(REPLY_SIZE + user.length + 1 + (sent.isName() ? name.length + 1 : 0))
                .put((byte) 4).put((byte) (command == Command.BIND ? 2 : 1)).putShort((short) sent.port())
                .put(sent.isName() ? NAME_FOLLOWS : sent.address().getAddress())
                .put(user).put((byte) 0);
        if (sent.isName()) {
            request.put(name).put((byte) 0);
        }
        return request.array();
    }

    /** 91 is the upstream's own refusal; 92, 93 (identd on this host) and unknown codes are its failures. */
    static HopAnswer decode(byte[] reply) {
        if (reply[0] != 0) {
            return new HopAnswer.Failed("bad reply version " + (reply[0] & 0xFF));
        }
        int code = reply[1] & 0xFF;
        return switch (code) {
            case GRANTED -> new HopAnswer.Accepted(new InetSocketAddress(
                    Fields.address(Arrays.copyOfRange(reply, 4, 8)), ((reply[2] & 0xFF) << 8) | (reply[3] & 0xFF)));
            case FAILED -> new HopAnswer.Refused(code, Refusal.GENERAL_FAILURE);
            default -> new HopAnswer.Failed("reply " + code);
        };
    }
}
