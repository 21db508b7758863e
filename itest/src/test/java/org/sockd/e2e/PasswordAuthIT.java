package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockd.common.testing.Await;

/**
 * SOCKS 5 username/password (RFC 1929) end to end: the built daemon with {@code -U FILE} (a file
 * made by the real {@code sockd passwd}) and real clients: curl, PySocks, Java's own SOCKS client,
 * and hand-written bytes where a client must misbehave.
 * <p>
 * Failed logins are throttled per client address, so each test that fails a login on purpose
 * comes from a loopback address of its own (127.0.0.11 and up) and cannot lock out the others;
 * so does each test that looks for its own log line.
 */
class PasswordAuthIT {

    private static final String PASSWORD = "secret";
    /** A password that must never show up in the daemon's output. */
    private static final String CANARY = "CANARY-7f3a";

    private static Path passwords;
    @AutoClose
    private static Daemon daemon;
    /** Each test's own page, so a body that arrives is the one this test asked for. */
    @AutoClose
    private final WebServer web;

    PasswordAuthIT() throws IOException {
        web = new WebServer();
    }

    @BeforeAll
    static void start() throws Exception {
        passwords = AuthPasswordFile.create(Map.of("alice", PASSWORD, "bob", "bobs-secret"));
        daemon = AuthDaemon.start("permit 127.0.0.0 255.0.0.0\n", passwords);
    }

    @Test
    void curlWithThePasswordFetchesThePageAndTheLogNamesTheUser() throws Exception {
        AuthClients.requireCurl();
        ProgramResult curl = curl(daemon, "alice", PASSWORD, "127.0.0.18");
        assertThat(curl.exitCode()).as("%s", curl).isZero();
        assertThat(curl.out()).isEqualTo(web.body());
        daemon.awaitLine(line -> line.contains(
                "connected -- Connect from alice(unknown)@127.0.0.18 to localhost (" + web.port() + ")"), 10);
    }

    @Test
    void curlWithAWrongPasswordIsRejectedByTheSubNegotiation() throws Exception {
        AuthClients.requireCurl();
        ProgramResult curl = curl(daemon, "alice", "not-" + PASSWORD, "127.0.0.11");
        assertThat(curl.exitCode()).as("%s", curl).isEqualTo(97); // CURLE_PROXY
        assertThat(curl.err()).contains("User was rejected by the SOCKS5 server (1 1)");
        daemon.awaitLine(line -> line.endsWith(
                "error -- authentication failed for user alice: wrong password from host 127.0.0.11"), 10);
        assertThat(daemon.output()).noneMatch(line -> line.contains("connected -- Connect from alice(unknown)@127.0.0.11"));
    }

    @Test
    void aClientOfferingNoAuthenticationGets05FFAndIsClosed() throws Exception {
        try (Socket socket = connect("127.0.0.17")) {
            socket.getOutputStream().write(new byte[] {5, 1, 0});
            // no half-close from us: the daemon must close by itself
            assertThat(HexFormat.of().formatHex(socket.getInputStream().readAllBytes())).isEqualTo("05ff");
        }
        daemon.awaitLine(line -> line.endsWith("error -- no acceptable authentication method "
                + "(offered [0], required one of [2]) from host 127.0.0.17"), 10);
    }

    @Test
    void pySocksLogsInAndFetchesThePage() throws Exception {
        AuthClients.requirePySocks();
        ProgramResult fetch = pySocks("alice", PASSWORD, null);
        assertThat(fetch.exitCode()).as("%s", fetch).isZero();
        assertThat(fetch.out()).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\n" + web.body());
    }

    @Test
    void pySocksWithAWrongPasswordIsRefused() throws Exception {
        AuthClients.requirePySocks();
        ProgramResult fetch = pySocks("alice", "not-" + PASSWORD, "127.0.0.12");
        assertThat(fetch.exitCode()).as("%s", fetch).isEqualTo(1);
        // PySocks wraps its SOCKS5AuthError (an OSError) in its handler of socket errors
        assertThat(fetch.err()).contains("GeneralProxyError: Socket error: SOCKS5 authentication failed");
        daemon.awaitLine(line -> line.endsWith(
                "error -- authentication failed for user alice: wrong password from host 127.0.0.12"), 10);
    }

    @Test
    void javasOwnSocksClientLogsInWithAnAuthenticator() throws Exception {
        ProgramResult java = javaClient(PASSWORD, "127.0.0.1");
        assertThat(java.exitCode()).as("%s", java).isZero();
        assertThat(java.out()).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\n" + web.body());
    }

    @Test
    void javasOwnSocksClientWithAWrongPasswordIsRefused() throws Exception {
        ProgramResult java = javaClient("not-" + PASSWORD, "127.0.0.16");
        assertThat(java.exitCode()).as("%s", java).isEqualTo(1);
        assertThat(java.err()).contains("java.net.SocketException: SOCKS : authentication failed");
        daemon.awaitLine(line -> line.endsWith(
                "error -- authentication failed for user alice: wrong password from host 127.0.0.16"), 10);
    }

    @ParameterizedTest(name = "curl {0}")
    @CsvSource({"--socks4, 127.0.0.21", "--socks4a, 127.0.0.22"})
    void socks4IsRefusedWith91WhilePasswordsAreRequired(String flag, String source) throws Exception {
        AuthClients.requireCurl();
        ProgramResult curl = AuthClients.run(List.of("curl", "-sS", "--max-time", "10", flag,
                "127.0.0.1:" + daemon.port(), "--proxy-user", "alice:", "--interface", source,
                "http://localhost:" + web.port() + "/"), null);
        assertThat(curl.exitCode()).as("%s", curl).isNotZero();
        assertThat(curl.err()).contains("Can't complete SOCKS4 connection").contains("(91)");
        daemon.awaitLine(line -> line.contains(
                "refused -- Connect from alice(unknown)@" + source + " to localhost (" + web.port() + ")"), 10);
    }

    /**
     * After {@code 01 01} the daemon closes: a CONNECT sent anyway, after the failure or in the
     * same write as the login (so that it may already sit in the daemon's buffer), reaches nothing.
     */
    @ParameterizedTest(name = "CONNECT sent along with the login: {0}")
    @ValueSource(booleans = {false, true})
    void nothingIsServedAfterAFailedLogin(boolean pipelined) throws Exception {
        String source = pipelined ? "127.0.0.15" : "127.0.0.14";
        try (ServerSocket target = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
                Socket socket = connect(source)) {
            target.setSoTimeout(1000);
            byte[] login = UdpAssociateClient.login("alice", "not-" + PASSWORD);
            int port = target.getLocalPort();
            byte[] connect = {5, 1, 0, 1, 127, 0, 0, 1, (byte) (port >> 8), (byte) port};
            OutputStream out = socket.getOutputStream();
            String answers;
            if (pipelined) {
                out.write(concat(new byte[] {5, 1, 2}, login, connect));
                answers = readUntilClosed(socket.getInputStream());
                // a reset may cut the answers short, but nothing may follow the failure
                assertThat("05020101").startsWith(answers);
            } else {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                out.write(new byte[] {5, 1, 2});
                assertThat(HexFormat.of().formatHex(in.readNBytes(2))).isEqualTo("0502");
                out.write(login);
                assertThat(HexFormat.of().formatHex(in.readNBytes(2))).isEqualTo("0101");
                try {
                    out.write(connect);
                } catch (IOException alreadyClosed) {
                    // as good: the daemon closed first
                }
                answers = readUntilClosed(in);
                assertThat(answers).as("bytes after the failure status").isEmpty();
            }
            try (Socket reached = target.accept()) {
                throw new AssertionError("the CONNECT after a failed login reached the target from " + reached);
            } catch (SocketTimeoutException expected) {
                // nobody came
            }
        }
        daemon.awaitLine(line -> line.endsWith(
                "error -- authentication failed for user alice: wrong password from host " + source), 10);
        assertThat(daemon.output()).noneMatch(line -> line.contains("@" + source + " to"));
    }

    @Test
    void aPasswordNeverAppearsInTheDaemonOutput() throws Exception {
        AuthClients.requireCurl();
        assertThat(curl(daemon, "alice", CANARY, "127.0.0.13").exitCode()).isEqualTo(97);
        assertThat(curl(daemon, "mallory", CANARY, "127.0.0.13").exitCode()).isEqualTo(97);
        daemon.awaitLine(line -> line.endsWith(
                "error -- authentication failed for user alice: wrong password from host 127.0.0.13"), 10);
        daemon.awaitLine(line -> line.endsWith(
                "error -- authentication failed for user mallory: unknown user from host 127.0.0.13"), 10);
        assertThat(daemon.output()).noneMatch(line -> line.contains(CANARY));
        assertThat(Files.readString(passwords)).doesNotContain(PASSWORD).doesNotContain("bobs-secret");
    }

    @Test
    void accessRulesSeeTheAuthenticatedUser() throws Exception {
        AuthClients.requireCurl();
        try (Daemon onlyAlice = AuthDaemon.start("permit *=alice 127.0.0.0 255.0.0.0\n", passwords)) {
            ProgramResult alice = curl(onlyAlice, "alice", PASSWORD, null);
            assertThat(alice.exitCode()).as("%s", alice).isZero();
            assertThat(alice.out()).isEqualTo(web.body());
            onlyAlice.awaitLine(line -> line.contains(
                    "connected -- Connect from alice(unknown)@localhost to localhost (" + web.port() + ")"), 10);

            ProgramResult bob = curl(onlyAlice, "bob", "bobs-secret", null);
            assertThat(bob.exitCode()).as("%s", bob).isEqualTo(97);
            assertThat(bob.err()).contains("Can't complete SOCKS5 connection to localhost. (2)"); // REP 02
            onlyAlice.awaitLine(line -> line.contains(
                    "refused -- Connect from bob(unknown)@localhost to localhost (" + web.port() + ")"), 10);
        }
    }

    /** The throttle is per client address: 127.0.0.20 is locked out, 127.0.0.1 is not. */
    @Test
    void afterFiveWrongPasswordsTheRightOneIsRefusedTooFromThatAddress() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(login("127.0.0.20", "alice", "wrong-" + attempt)).as("attempt %d", attempt).isEqualTo("0101");
        }
        daemon.awaitLine(line -> line.contains(
                "too many failed logins from 127.0.0.20 (the last as user alice): refusing it for a while"), 10);
        assertThat(login("127.0.0.20", "alice", PASSWORD)).as("the right password after five wrong ones").isEqualTo("0101");
        daemon.awaitLine(line -> line.endsWith("error -- authentication failed for user alice: "
                + "too many failed attempts from 127.0.0.20 from host 127.0.0.20"), 10);
        assertThat(login("127.0.0.1", "alice", PASSWORD)).as("another address").isEqualTo("0100");
    }

    /**
     * {@code -U} asks for passwords from the first client on: from launch, as soon as the port
     * accepts and until the authenticator is in force, a client offering only "no authentication"
     * may be closed or get {@code 05 FF}, never {@code 05 00}.
     */
    @Test
    void noClientGetsInWithoutAPasswordWhileTheDaemonStarts() throws Exception {
        Path rules = Files.createTempFile("sockd", ".conf");
        Files.writeString(rules, "permit 127.0.0.0 255.0.0.0\n");
        int port = Ports.tcp();
        List<String> answers = new ArrayList<>();
        try (Daemon starting = Daemon.run("-f", rules.toString(), "-l", "127.0.0.1:" + port, "-U", passwords.toString())) {
            // ask until passwords have been required twenty times
            try {
                Await.until(() -> !starting.process().isAlive() || greetedAndRefused(port, answers, 20),
                        Duration.ofSeconds(60), "the daemon to require passwords twenty times");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; answers " + runs(answers) + "; output:\n"
                        + String.join("\n", starting.output()), e);
            }
            assertThat(starting.process().isAlive()).as("the daemon runs; answers %s; output:\n%s",
                    runs(answers), String.join("\n", starting.output())).isTrue();
        }
        assertThat(runs(answers)).as("answers to 05 01 00 from launch on, in order").noneMatch(run -> run.startsWith("0500 "));
    }

    /** Greets once more and adds the answer; @return whether passwords have been required {@code times} by now */
    private static boolean greetedAndRefused(int port, List<String> answers, int times) {
        try {
            greetWithoutAuthentication(port).ifPresent(answers::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answers.stream().filter("05ff"::equals).count() >= times;
    }

    /** @return the answers with repeats counted, as in {@code [closed x3, 0500 x40, 05ff x20]} */
    private static List<String> runs(List<String> answers) {
        List<String> runs = new ArrayList<>();
        for (int start = 0, end; start < answers.size(); start = end) {
            end = start;
            while (end < answers.size() && answers.get(end).equals(answers.get(start))) {
                end++;
            }
            runs.add((answers.get(start).isEmpty() ? "closed" : answers.get(start)) + " x" + (end - start));
        }
        return runs;
    }

    /** @return the answer to {@code 05 01 00} in hex, or empty when nothing listens yet */
    private static Optional<String> greetWithoutAuthentication(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(new byte[] {5, 1, 0});
            return Optional.of(HexFormat.of().formatHex(socket.getInputStream().readNBytes(2)));
        } catch (ConnectException notYet) {
            return Optional.empty();
        } catch (IOException reset) {
            return Optional.of("");
        }
    }

    /** A hand-written method negotiation and login from {@code source}; returns the RFC 1929 status in hex. */
    private static String login(String source, String user, String password) throws IOException {
        try (Socket socket = connect(source)) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            socket.getOutputStream().write(new byte[] {5, 1, 2});
            assertThat(HexFormat.of().formatHex(in.readNBytes(2))).isEqualTo("0502");
            socket.getOutputStream().write(UdpAssociateClient.login(user, password));
            return HexFormat.of().formatHex(in.readNBytes(2));
        }
    }

    private static Socket connect(String source) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setSoTimeout(10_000);
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(daemon.address(), 5000);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** @return what arrived in hex until the daemon closed (or reset) the connection */
    private static String readUntilClosed(InputStream in) throws IOException {
        StringBuilder hex = new StringBuilder();
        try {
            for (int b; (b = in.read()) >= 0; ) {
                hex.append(HexFormat.of().toHexDigits((byte) b));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the daemon kept the connection open; received so far: " + hex, e);
        } catch (IOException reset) {
            // closed with our unread CONNECT still in its buffer: a reset is a close too
        }
        return hex.toString();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** curl through the daemon with {@code socks5h://USER:PASSWORD@}, from {@code source} when not {@code null}. */
    private ProgramResult curl(Daemon through, String user, String password, String source)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10",
                "-x", "socks5h://" + user + ":" + password + "@127.0.0.1:" + through.port()));
        if (source != null) {
            command.addAll(List.of("--interface", source));
        }
        command.add("http://localhost:" + web.port() + "/");
        return AuthClients.run(command, null);
    }

    /** Java's own SOCKS client, logged in as alice, fetches the page from the web server at 127.0.0.1. */
    private ProgramResult javaClient(String password, String source) throws IOException, InterruptedException {
        return AuthClients.java(AuthJavaSocksClient.class, List.of(Integer.toString(daemon.port()), "alice", password,
                "127.0.0.1", Integer.toString(web.port()), source));
    }

    /** PySocks fetches the page, from {@code source} when not {@code null}. */
    private ProgramResult pySocks(String user, String password, String source)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Integer.toString(daemon.port()), user, password,
                "localhost", Integer.toString(web.port())));
        if (source != null) {
            args.add(source);
        }
        return AuthClients.python("pysocks_fetch.py", args);
    }
}
