package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.sockd.api.ClientInfo;
import org.sockd.api.auth.Authentication;
import org.sockd.api.route.Route;

class UnavailableTest {

    @Test
    void aRequiredButMissingAuthenticatorFailsEveryLogin() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClientInfo client = new ClientInfo(new InetSocketAddress("127.0.0.1", 40000), new InetSocketAddress("127.0.0.1", 1080));
        byte[] login = {1, 5, 'a', 'l', 'i', 'c', 'e', 6, 's', 'e', 'c', 'r', 'e', 't'};

        Authentication outcome = Unavailable.AUTHENTICATOR.authenticate(new ByteArrayInputStream(login), out, client);

        assertThat(Unavailable.AUTHENTICATOR.method()).isEqualTo(2);
        assertThat(outcome).isInstanceOf(Authentication.Rejected.class);
        assertThat(out.toByteArray()).containsExactly(1, 1);
    }

    @Test
    void aRequiredButMissingRouteTableRoutesNothing() throws Exception {
        assertThat(Unavailable.ROUTES.select(InetAddress.getByName("10.1.2.3"), null))
                .isInstanceOfSatisfying(Route.NoRoute.class, none -> assertThat(none.reason()).endsWith("no route to 10.1.2.3"));
        assertThat(Unavailable.ROUTES.table()).isEmpty();
    }
}
