package org.sockd.core.internal.chain;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.sockd.api.Command;
import org.sockd.api.Endpoint;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.upstream.Login;

/**
 * A SOCKS 5 request as a client, after the method negotiation: VER CMD RSV ATYP DST.ADDR DST.PORT,
 * answered by VER REP RSV ATYP BND.ADDR BND.PORT (RFC 1928).
 */
final class Socks5Hop {

    static final int SUCCEEDED = 0x00;
    static final int GENERAL_FAILURE = 0x01;
    private static final int IPV4 = 0x01;
    private static final int DOMAIN = 0x03;
    private static final int IPV6 = 0x04;

    private Socks5Hop() {
    }

    /** Logs in, sends the request and reads the (first) reply. */
    static HopAnswer negotiate(InputStream in, OutputStream out, Command command, Endpoint sent, Login login)
            throws IOException {
        Optional<String> loginFailure = Socks5Login.negotiate(in, out, login);
        if (loginFailure.isPresent()) {
            return new HopAnswer.Failed(loginFailure.get());
        }
        out.write(request(command, sent));
        out.flush();
        return reply(in, command);
    }

    /** Reads one reply, however split: the header says how long the address is. */
    static HopAnswer reply(InputStream in, Command command) throws IOException {
        byte[] head = HopInput.exactly(in, 5);
        int addressSize = switch (head[3]) {
            case IPV4 -> 4;
            case IPV6 -> 16;
            case DOMAIN -> head[4] & 0xFF;
            default -> -1;
        };
        if (head[0] != 5 || addressSize < 0) {
            return new HopAnswer.Failed("bad reply header " + (head[0] & 0xFF) + " " + (head[3] & 0xFF));
        }
        // the first address byte (or a name's length) is already in the header
        int rest = head[3] == DOMAIN ? addressSize + 2 : addressSize - 1 + 2;
        byte[] whole = ByteBuffer.allocate(5 + rest).put(head).put(HopInput.exactly(in, rest)).array();
        return decode(whole, command);
    }

    /** @param reply a whole reply: its length matches its address type */
    static HopAnswer decode(byte[] reply, Command command) {
        int code = reply[1] & 0xFF;
        if (code != SUCCEEDED) {
            return refusal(code, command).<HopAnswer>map(refusal -> new HopAnswer.Refused(code, refusal))
                    .orElseGet(() -> new HopAnswer.Failed("reply " + code));
        }
        ByteBuffer bytes = ByteBuffer.wrap(reply, 4, reply.length - 4);
        InetSocketAddress bound;
        if (reply[3] == DOMAIN) {
            byte[] name = new byte[bytes.get() & 0xFF];
            bytes.get(name);
            bound = InetSocketAddress.createUnresolved(new String(name, ISO_8859_1), bytes.getShort() & 0xFFFF);
        } else {
            byte[] address = new byte[reply[3] == IPV4 ? 4 : 16];
            bytes.get(address);
            bound = new InetSocketAddress(Fields.address(address), bytes.getShort() & 0xFFFF);
        }
        return new HopAnswer.Accepted(bound);
    }

    /**
     * The upstream's own refusals, passed on to our client; {@code 0x01} is one only for BIND, where
     * it is how a server says no. Every other code is a failure of the upstream.
     */
    static Optional<Refusal> refusal(int code, Command command) {
        return Optional.ofNullable(switch (code) {
            case GENERAL_FAILURE -> command == Command.BIND ? Refusal.GENERAL_FAILURE : null;
            case 0x02 -> Refusal.NOT_ALLOWED;
            case 0x03 -> Refusal.NETWORK_UNREACHABLE;
            // Refusal has no "TTL expired" (0x06): host unreachable is the nearest
            case 0x04, 0x06 -> Refusal.HOST_UNREACHABLE;
            case 0x05 -> Refusal.CONNECTION_REFUSED;
            default -> null;
        });
    }

    /** @param sent an address, or a name that passed {@link Fields#fits} */
    static byte[] request(Command command, Endpoint sent) {
        byte[] address;
        int type;
        if (sent.isName()) {
            byte[] name = sent.host().getBytes(ISO_8859_1);
            address = ByteBuffer.allocate(1 + name.length).put((byte) name.length).put(name).array();
            type = DOMAIN;
        } else {
            InetAddress ip = sent.address();
            address = ip.getAddress();
            type = ip instanceof Inet4Address ? IPV4 : IPV6;
        }
        return ByteBuffer.allocate(4 + address.length + 2)
                .put((byte) 5).put((byte) (command == Command.BIND ? 2 : 1)).put((byte) 0).put((byte) type)
                .put(address).putShort((short) sent.port())
                .array();
    }
}
