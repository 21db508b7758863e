package org.sockd.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void anEndpointIsANameOrAnAddressNeverBoth() {
        assertThat(Endpoint.ofName("example.com", 80).hostText()).isEqualTo("example.com");
        assertThat(Endpoint.ofAddress(LOOPBACK, 80).hostText()).isEqualTo("127.0.0.1");
        assertThatIllegalArgumentException().isThrownBy(() -> new Endpoint("example.com", LOOPBACK, 80));
        assertThatIllegalArgumentException().isThrownBy(() -> new Endpoint(null, null, 80));
    }

    @Test
    void portsOutsideSixteenBitsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Endpoint.ofAddress(LOOPBACK, 65536));
        assertThatIllegalArgumentException().isThrownBy(() -> Endpoint.ofAddress(LOOPBACK, -1));
        assertThat(Endpoint.ofAddress(LOOPBACK, 65535).port()).isEqualTo(65535);
    }

    @Test
    void clientAddressesMustBeResolved() {
        var listener = new InetSocketAddress(LOOPBACK, 1080);
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ClientInfo(InetSocketAddress.createUnresolved("client", 1), listener));
        assertThatNullPointerException().isThrownBy(() -> new ClientInfo(null, listener));
    }

    @Test
    void aRequestKeepsItsOwnCopyOfTheResolvedAddresses() {
        var client = new ClientInfo(new InetSocketAddress(LOOPBACK, 4000), new InetSocketAddress(LOOPBACK, 1080));
        List<InetAddress> resolved = new ArrayList<>(List.of(LOOPBACK));
        var request = new ConnectRequest(client, SocksVersion.SOCKS5, Command.CONNECT,
                Endpoint.ofName("localhost", 80), resolved, "", null);
        resolved.clear();
        assertThat(request.resolved()).containsExactly(LOOPBACK);
    }

    @Test
    void commandsCarryTheirClassicNames() {
        assertThat(Command.CONNECT.classicName()).isEqualTo("connect");
        assertThat(Command.BIND.classicName()).isEqualTo("bind");
    }
}
