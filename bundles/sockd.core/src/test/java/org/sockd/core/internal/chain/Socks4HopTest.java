package org.sockd.core.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.api.Command;
import org.sockd.api.Endpoint;
import org.sockd.api.protocol.Refusal;

class Socks4HopTest {

    @Test
    void aConnectCarriesPortAddressAndUserId() throws IOException {
        Endpoint sent = Endpoint.ofAddress(InetAddress.getByName("127.0.0.2"), 17007);

        assertThat(Socks4Hop.request(Command.CONNECT, sent, "alice"))
                .containsExactly(4, 1, 0x42, 0x6F, 127, 0, 0, 2, 'a', 'l', 'i', 'c', 'e', 0);
    }

    @Test
    void a4aRequestMarksTheAddressAndSendsTheNameAfterTheUserId() {
        byte[] request = Socks4Hop.request(Command.BIND, Endpoint.ofName("far.test", 21), "");

        assertThat(request).containsExactly(4, 2, 0, 21, 0, 0, 0, 1, 0, 'f', 'a', 'r', '.', 't', 'e', 's', 't', 0);
    }

    @Test
    void aGrantTellsWhereTheUpstreamIsBoundAndLeavesLaterBytesForTheRelay() throws IOException {
        Trickle in = Trickle.of(0, 90, 0x04, 0x38, 127, 0, 0, 9, 'd', 'a', 't', 'a');

        HopAnswer answer = Socks4Hop.negotiate(in, new ByteArrayOutputStream(), Command.CONNECT,
                Endpoint.ofName("x", 1), "");

        assertThat(answer).isEqualTo(new HopAnswer.Accepted(new InetSocketAddress("127.0.0.9", 1080)));
        assertThat(in.left()).isEqualTo(4);
    }

    @ParameterizedTest(name = "VN {0} CD {1}")
    @CsvSource({"0, 92, reply 92", "0, 93, reply 93", "0, 0, reply 0", "0, 255, reply 255", "4, 90, bad reply version 4"})
    void otherAnswersAreFailuresOfTheUpstream(int version, int code, String reason) {
        assertThat(Socks4Hop.decode(new byte[] {(byte) version, (byte) code, 0, 0, 0, 0, 0, 0}))
                .isEqualTo(new HopAnswer.Failed(reason));
    }

    @Test
    void reply91IsTheUpstreamsOwnRefusal() {
        assertThat(Socks4Hop.decode(new byte[] {0, 91, 0, 0, 0, 0, 0, 0}))
                .isEqualTo(new HopAnswer.Refused(91, Refusal.GENERAL_FAILURE));
    }

    @Test
    void aReplyCutShortIsAnEndOfStream() {
        assertThatThrownBy(() -> Socks4Hop.reply(Trickle.of(0, 90, 0)))
                .isInstanceOf(EOFException.class).hasMessageContaining("3 of 8");
    }
}
