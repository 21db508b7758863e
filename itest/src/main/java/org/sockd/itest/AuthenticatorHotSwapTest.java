package org.sockd.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Socket;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.sockd.api.auth.Authenticator;

/**
 * The authenticator is a policy like the others: the best-ranked one of a method answers the next
 * handshake, and with none registered only "no authentication" is offered.
 */
class AuthenticatorHotSwapTest extends DaemonTest {

    private static final int NO_AUTHENTICATION = 0x00;
    private static final int USERNAME_PASSWORD = 0x02;
    private static final Socks5Client.Login SERVED_WITHOUT_LOGIN = new Socks5Client.Login(NO_AUTHENTICATION, true, 0);
    private static final Socks5Client.Login SERVED_AFTER_LOGIN = new Socks5Client.Login(USERNAME_PASSWORD, true, 0);
    private static final Socks5Client.Login LOGIN_REFUSED = new Socks5Client.Login(USERNAME_PASSWORD, false, -1);

    @BeforeEach
    void start() throws Exception {
        registrations.add(Policies.permitAll(context, 0));
        startDaemon("auth", Map.of());
    }

    @Test
    void aBetterRankedAuthenticatorAnswersTheNextHandshake() throws Exception {
        assertEquals(SERVED_WITHOUT_LOGIN, login("alice", "a-secret"), "no authenticator: no authentication");

        ServiceRegistration<Authenticator> aliceOnly = authenticator(10, "alice", "a-secret");
        assertEquals(SERVED_AFTER_LOGIN, login("alice", "a-secret"));
        assertEquals(LOGIN_REFUSED, login("bob", "b-secret"));

        ServiceRegistration<Authenticator> bobOnly = authenticator(20, "bob", "b-secret");
        assertEquals(SERVED_AFTER_LOGIN, login("bob", "b-secret"), "the better-ranked authenticator knows bob");
        assertEquals(LOGIN_REFUSED, login("alice", "a-secret"));

        bobOnly.unregister();
        assertEquals(SERVED_AFTER_LOGIN, login("alice", "a-secret"), "withdrawing it brings the other back");

        aliceOnly.unregister();
        assertEquals(SERVED_WITHOUT_LOGIN, login("anyone", "anything"), "none left: no authentication again");
    }

    @Test
    void whileAnAuthenticatorIsRegisteredNoAuthenticationIsRefusedWithFf() throws Exception {
        registrations.add(authenticator(10, "alice", "a-secret"));
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(5000);
            socket.connect(proxy(), 5000);
            socket.getOutputStream().write(new byte[] {5, 1, NO_AUTHENTICATION});
            byte[] answer = socket.getInputStream().readNBytes(3);
            assertEquals("[5, -1]", Arrays.toString(answer), "05 FF, then the connection closes");
        }
    }

    private Socks5Client.Login login(String user, String password) throws Exception {
        return Socks5Client.login(proxy(), echo.address(), user, password);
    }

    private ServiceRegistration<Authenticator> authenticator(int ranking, String user, String password) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, ranking);
        return context.registerService(Authenticator.class, new OneUserAuthenticator(user, password), properties);
    }
}
