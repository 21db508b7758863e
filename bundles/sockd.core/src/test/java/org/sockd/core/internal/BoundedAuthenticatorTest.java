package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockd.api.ClientInfo;
import org.sockd.api.auth.Authentication;
import org.sockd.api.auth.Authenticator;
import org.sockd.common.testing.RecordingLogger;

/** An authenticator's deadline on a real loopback connection: what counts against it, and what the client is told. */
@Timeout(10)
class BoundedAuthenticatorTest {

    private final Loopback net;
    private final RecordingLogger log = new RecordingLogger();
    private final ServiceDeadline deadline =
            new ServiceDeadline("authenticator gave no answer", 100, new RateLimitedLog(log.logger(), 1));

    BoundedAuthenticatorTest() throws IOException {
        net = new Loopback();
    }

    @AfterEach
    void close() {
        net.close();
    }

    @Test
    void theTimeTheClientTakesToSendIsNotTheAuthenticatorsOwn() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.peer().write(ByteBuffer.wrap(new byte[] {1}));
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(400); // four deadlines
                pair.peer().write(ByteBuffer.wrap(new byte[] {2}));
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        Authenticator readsTwice = authenticator((in, out) -> {
            in.read();
            in.read();
            return new Authentication.Accepted("u");
        });

        assertThat(authenticate(new BoundedAuthenticator(readsTwice, deadline), pair))
                .isEqualTo(new Authentication.Accepted("u"));
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void anAnswerTheAuthenticatorBeganIsNotFollowedByAnotherNorByItsLateRest() throws Exception {
        Loopback.Pair pair = net.pair();
        CountDownLatch lateWriteRefused = new CountDownLatch(1);
        Authenticator hangsMidAnswer = authenticator((in, out) -> {
            out.write(1);
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                try {
                    out.write(0);
                } catch (IOException refused) {
                    lateWriteRefused.countDown();
                }
            }
            return new Authentication.Accepted("u");
        });

        Authentication result = authenticate(new BoundedAuthenticator(hangsMidAnswer, deadline), pair);

        assertThat(result).isEqualTo(new Authentication.Rejected(null, "authenticator gave no answer within 100 ms"));
        assertThat(lateWriteRefused.await(2, TimeUnit.SECONDS)).isTrue();
        pair.proxy().close();
        assertThat(pair.peer().socket().getInputStream().readAllBytes()).containsExactly(1);
        assertThat(log.lines()).singleElement().extracting(RecordingLogger.Line::message).asString()
                .startsWith("authenticator gave no answer within policy.timeout.ms, refusing: ");
    }

    private static Authentication authenticate(Authenticator authenticator, Loopback.Pair pair) throws IOException {
        ClientInfo client = new ClientInfo((InetSocketAddress) pair.proxy().getRemoteAddress(),
                (InetSocketAddress) pair.proxy().getLocalAddress());
        return authenticator.authenticate(Channels.newInputStream(pair.proxy()), Channels.newOutputStream(pair.proxy()),
                client);
    }

    private interface Method {
        Authentication run(InputStream in, OutputStream out) throws IOException;
    }

    private static Authenticator authenticator(Method method) {
        return new Authenticator() {
            @Override
            public int method() {
                return 2;
            }

            @Override
            public Authentication authenticate(InputStream in, OutputStream out, ClientInfo client) throws IOException {
                return method.run(in, out);
            }
        };
    }
}
