package org.sockd.protocol.internal.v4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.protocol.internal.Bytes.concat;
import static org.sockd.protocol.internal.Bytes.hex;
import static org.sockd.protocol.internal.Bytes.repeat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.api.ClientInfo;
import org.sockd.api.protocol.Handshake;
import org.sockd.protocol.internal.PacedInputStream;

class Socks4HandlerTest {

    private static final byte[] FAILED = hex("00 5b 0000 00000000");
    private static final ClientInfo CLIENT = new ClientInfo(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 1080));

    private final Socks4Handler handler = new Socks4Handler();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static List<Socks4Cases.Valid> valid() {
        return Socks4Cases.valid();
    }

    static List<Socks4Cases.Invalid> malformed() {
        return Socks4Cases.malformed();
    }

    static List<Socks4Cases.Invalid> truncated() {
        return Socks4Cases.truncated();
    }

    @Test
    void answersVersion4() {
        assertThat(handler.version()).isEqualTo(4);
    }

    @ParameterizedTest
    @MethodSource("valid")
    void readsEveryValidFormWhateverTheSegmentsAndWritesNothing(Socks4Cases.Valid c) throws IOException {
        Handshake expected = new Handshake.Received(c.request());

        assertThat(handshake(PacedInputStream.oneByteAtATime(c.input()))).isEqualTo(expected);
        for (int cut = 0; cut <= c.input().length; cut++) {
            assertThat(handshake(PacedInputStream.splitAt(c.input(), cut))).isEqualTo(expected);
        }
        assertThat(out.toByteArray()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void leavesTheClientsFirstDataInTheStream(Socks4Cases.Valid c) throws IOException {
        byte[] data = hex("16 03 01 00 00 00");
        for (PacedInputStream in : List.of(
                PacedInputStream.whole(concat(c.input(), data)),
                PacedInputStream.oneByteAtATime(concat(c.input(), data)))) {
            assertThat(handler.handshake(in, out, CLIENT, List.of())).isEqualTo(new Handshake.Received(c.request()));
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsMalformedRequestsWith91(Socks4Cases.Invalid c) throws IOException {
        assertThat(handshake(PacedInputStream.oneByteAtATime(c.input()))).isEqualTo(new Handshake.Rejected(c.reason()));
        assertThat(out.toByteArray()).isEqualTo(FAILED);
    }

    @ParameterizedTest
    @MethodSource("truncated")
    void answersATruncatedRequestWith91(Socks4Cases.Invalid c) throws IOException {
        assertThat(handshake(PacedInputStream.whole(c.input()))).isEqualTo(new Handshake.Rejected(c.reason()));
        assertThat(out.toByteArray()).isEqualTo(FAILED);
    }

    @Test
    void rejectsA10KbUserIdAfterAtMost264Bytes() throws IOException {
        PacedInputStream in = PacedInputStream.whole(concat(hex("01 0050 01020304"), repeat('u', 10 * 1024)));

        Handshake result = handler.handshake(in, out, CLIENT, List.of());

        assertThat(result).isEqualTo(new Handshake.Rejected("user-id longer than 255 bytes"));
        assertThat(out.toByteArray()).isEqualTo(FAILED);
        assertThat(1 + in.consumed()).as("bytes read including VN").isLessThanOrEqualTo(264);
    }

    private Handshake handshake(PacedInputStream in) throws IOException {
        return handler.handshake(in, out, CLIENT, List.of());
    }
}
