package org.sockd.ident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.sockd.ident.internal.FakeIdentd.answer;
import static org.sockd.ident.internal.FakeIdentd.answerAndHold;
import static org.sockd.ident.internal.FakeIdentd.answerWhen;
import static org.sockd.ident.internal.FakeIdentd.answerWhenAllMet;
import static org.sockd.ident.internal.FakeIdentd.hangUp;
import static org.sockd.ident.internal.FakeIdentd.silent;

import java.lang.annotation.Annotation;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockd.api.ident.IdentResult;
import org.sockd.api.ident.IdentResult.NoUser;
import org.sockd.api.ident.IdentResult.Unreachable;
import org.sockd.api.ident.IdentResult.User;

class SocketIdentClientTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 6191);
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 1080);
    private static final String PORTS = "6191 , 1080";
    private static final Unreachable NO_END = new Unreachable("connection closed before the end of the answer");

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of(PORTS + " : USERID : UNIX : bob\r\n", new User("UNIX", "bob")),
                Arguments.of(PORTS + " : USERID : UNIX , UTF-8 : bob\r\n", new User("UNIX", "bob")),
                Arguments.of("  6191,1080\t:USERID:OTHER:  Bob Smith \r\n", new User("OTHER", "Bob Smith")),
                Arguments.of(PORTS + " : USERID : OTHER : a:b:c\n", new User("OTHER", "a:b:c")),
                Arguments.of(PORTS + " : USERID : UNIX : caf\u00e9\r\n", new User("UNIX", "caf\u00e9")),
                Arguments.of(PORTS + " : ERROR : INVALID-PORT\r\n", new NoUser("INVALID-PORT")),
                Arguments.of(PORTS + " : ERROR : NO-USER\r\n", new NoUser("NO-USER")),
                Arguments.of(PORTS + " : ERROR : HIDDEN-USER\r\n", new NoUser("HIDDEN-USER")),
                Arguments.of(PORTS + " : ERROR : UNKNOWN-ERROR\r\n", new NoUser("UNKNOWN-ERROR")),
                Arguments.of(PORTS + " : ERROR : X-NOT-TODAY\r\n", new NoUser("X-NOT-TODAY")),
                Arguments.of("6192 , 1080 : USERID : UNIX : bob\r\n", new Unreachable("answer for other ports: 6192 , 1080")),
                Arguments.of("SSH-2.0-OpenSSH_9.6\r\n", new Unreachable("malformed answer (missing fields): SSH-2.0-OpenSSH_9.6")));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void returnsWhatIdentdAnswered(String answer, IdentResult expected) throws Exception {
        try (FakeIdentd identd = new FakeIdentd(answer(answer))) {
            assertThat(lookup(client(identd.port(), 2000, 1000), SERVER)).isEqualTo(expected);
        }
    }

    @Test
    void sendsTheExactQueryFromTheServerAddress() throws Exception {
        // 127.0.0.2 is loopback too on Linux; without the bind the query would come from 127.0.0.1.
        InetSocketAddress server = new InetSocketAddress("127.0.0.2", 1080);
        try (FakeIdentd identd = new FakeIdentd(answer(PORTS + " : USERID : UNIX : bob\r\n"))) {
            assertThat(lookup(client(identd.port(), 2000, 1000), server)).isEqualTo(new User("UNIX", "bob"));
            FakeIdentd.Query query = identd.nextQuery();
            assertThat(query.text()).isEqualTo("6191 , 1080\r\n");
            assertThat(query.from()).isEqualTo(server.getAddress());
        }
    }

    @Test
    void waitsForASlowIdentdWithinTheTimeout() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        try (FakeIdentd identd = new FakeIdentd(answerWhen(slow, PORTS + " : ERROR : NO-USER\r\n"))) {
            CompletableFuture<IdentResult> result =
                    client(identd.port(), 10_000, 1000).lookup(CLIENT, SERVER).toCompletableFuture();
            identd.nextQuery(); // the client waits for its answer now
            slow.countDown();
            assertThat(result.get(15, TimeUnit.SECONDS)).isEqualTo(new NoUser("NO-USER"));
        }
    }

    @Test
    void givesUpOnAnAnswerAfterTheTimeout() throws Exception {
        CountDownLatch afterTheTimeout = new CountDownLatch(1);
        try (FakeIdentd identd = new FakeIdentd(answerWhen(afterTheTimeout, PORTS + " : USERID : UNIX : bob\r\n"))) {
            assertTimesOut(client(identd.port(), 500, 1000));
            afterTheTimeout.countDown();
        }
    }

    @Test
    void givesUpOnASilentIdentd() throws Exception {
        try (FakeIdentd identd = new FakeIdentd(silent())) {
            assertTimesOut(client(identd.port(), 500, 1000));
        }
    }

    @Test
    void theTimeoutCoversPartsOfTheAnswerToo() throws Exception {
        try (FakeIdentd identd = new FakeIdentd(answerAndHold(PORTS + " : USERID"))) {
            assertTimesOut(client(identd.port(), 500, 1000));
        }
    }

    @Test
    void closingWithoutAnAnswerIsUnreachable() throws Exception {
        try (FakeIdentd identd = new FakeIdentd(hangUp())) {
            assertThat(lookup(client(identd.port(), 2000, 1000), SERVER)).isEqualTo(NO_END);
        }
    }

    @Test
    void aLineCutOffByTheCloseIsNotTrusted() throws Exception {
        try (FakeIdentd identd = new FakeIdentd(answer(PORTS + " : USERID : UNIX : jo"))) {
            assertThat(lookup(client(identd.port(), 2000, 1000), SERVER)).isEqualTo(NO_END);
        }
    }

    @Test
    void stopsReadingAnOverlongAnswerWithoutWaitingForTheTimeout() throws Exception {
        try (FakeIdentd identd = new FakeIdentd(answerAndHold("a".repeat(2000)))) {
            assertThat(lookup(client(identd.port(), 10_000, 1000), SERVER)).as("not the timeout's answer")
                    .isEqualTo(new Unreachable("answer longer than 1000 characters"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void theLimitCountsTheLineWithoutItsEnd(String end) throws Exception {
        String line = PORTS + " : ERROR : NO-USER";
        try (FakeIdentd identd = new FakeIdentd(answerAndHold(line + end))) {
            assertThat(lookup(client(identd.port(), 2000, line.length()), SERVER)).isEqualTo(new NoUser("NO-USER"));
            assertThat(lookup(client(identd.port(), 2000, line.length() - 1), SERVER))
                    .isEqualTo(new Unreachable("answer longer than " + (line.length() - 1) + " characters"));
        }
    }

    @Test
    void nothingListeningIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        assertThat(lookup(client(port, 2000, 1000), SERVER)).isEqualTo(new Unreachable("connection refused"));
    }

    @Test
    void returnsAtOnceAndCompletesOnAVirtualThread() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        try (FakeIdentd identd = new FakeIdentd(answerWhen(held, PORTS + " : USERID : UNIX : bob\r\n"))) {
            CompletableFuture<IdentResult> result =
                    client(identd.port(), 10_000, 1000).lookup(CLIENT, SERVER).toCompletableFuture();
            assertThat(result).isNotDone();
            CompletableFuture<Boolean> onVirtual = result.thenApply(answer -> Thread.currentThread().isVirtual());
            held.countDown();
            assertThat(onVirtual.get(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void lookupsRunConcurrently() throws Exception {
        CountDownLatch everyQuery = new CountDownLatch(200);
        try (FakeIdentd identd = new FakeIdentd(answerWhenAllMet(everyQuery, PORTS + " : USERID : UNIX : bob\r\n"))) {
            SocketIdentClient client = client(identd.port(), 10_000, 1000);
            List<CompletableFuture<IdentResult>> results = IntStream.range(0, 200)
                    .mapToObj(i -> client.lookup(CLIENT, SERVER).toCompletableFuture())
                    .toList();
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
            assertThat(results).allSatisfy(result -> assertThat(result.join()).isEqualTo(new User("UNIX", "bob")));
        }
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatIllegalArgumentException().isThrownBy(() -> client(0, 2000, 1000));
        assertThatIllegalArgumentException().isThrownBy(() -> client(113, 0, 1000));
        assertThatIllegalArgumentException().isThrownBy(() -> client(113, 2000, 0));
    }

    private static void assertTimesOut(SocketIdentClient client) throws Exception {
        assertThat(lookup(client, SERVER)).isEqualTo(new Unreachable("no answer within 500 ms"));
    }

    private static IdentResult lookup(SocketIdentClient client, InetSocketAddress server) throws Exception {
        return client.lookup(CLIENT, server).toCompletableFuture().get(15, TimeUnit.SECONDS);
    }

    private static SocketIdentClient client(int port, int timeoutMillis, int maxAnswer) {
        return new SocketIdentClient(new SocketIdentClient.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SocketIdentClient.Config.class;
            }

            @Override
            public int timeout_ms() {
                return timeoutMillis;
            }

            @Override
            public int max_answer() {
                return maxAnswer;
            }

            @Override
            public int port() {
                return port;
            }
        });
    }
}
