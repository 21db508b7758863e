package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.itest.EchoServer;

/** The flags of the built daemon, its refusal to run half-configured, and its graceful stop. */
class CommandLineIT {

    @Test
    void verPrintsTheVersionFactsAndExitsZero() throws Exception {
        try (Daemon daemon = Daemon.run("-ver")) {
            assertThat(daemon.awaitExit(30)).isZero();
            assertThat(daemon.output()).contains("SOCKS protocol versions: 4, 4A, 5", "SOCKSified: yes",
                    "Mode: stand-alone", "Route file: not required",
                    "Upstreams: optional, from a socks.conf file given with -s FILE (SOCKS 4, 4A, 5, HTTP CONNECT)");
            assertThat(daemon.output()).anyMatch(line -> line.matches("sockd \\S+ \\(classic-compatible 4\\.3\\)"));
        }
    }

    /**
     * The tools run from the bundle jars bin/sockd takes out of sockd.jar the first time: tools and
     * daemons started together, before that, must all find them whole. A checkout of its own (the
     * scripts and the built jar) starts with none taken out.
     */
    @Test
    void toolsAndDaemonsStartedTogetherAllRun(@TempDir Path dir) throws Exception {
        Path checkout = dir.toRealPath();
        Path bin = Files.createDirectories(checkout.resolve("bin"));
        for (String script : List.of("sockd", "find-java")) {
            Files.copy(Path.of(ScriptProcess.script(script)), bin.resolve(script), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.copy(Build.SOCKD_JAR, Files.createDirectories(checkout.resolve("bndrun/target")).resolve("sockd.jar"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Path rules = Files.writeString(checkout.resolve("sockd.conf"), "permit 127.0.0.0 255.0.0.0\n");

        List<Future<ProgramResult>> runs = new ArrayList<>();
        try (ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                List<String> command = i % 2 == 0 ? List.of(bin.resolve("sockd").toString(), "-ver")
                        : List.of(bin.resolve("sockd").toString(), "make-fc", rules.toString(), dir.resolve(i + ".fc").toString());
                runs.add(starts.submit(() -> ProgramResult.run(ScriptProcess.builder(command, Map.of()), null, 120)));
            }
        }
        for (Future<ProgramResult> run : runs) {
            assertThat(run.get().exitCode()).as(run.get().toString()).isZero();
        }
        try (var names = Files.list(checkout.resolve("bndrun/target"))) {
            assertThat(names.map(name -> name.getFileName().toString()).filter(name -> name.startsWith("tools")))
                    .as("one copy of the bundle jars, the others given up").hasSize(1);
        }
    }

    @Test
    void anUnknownFlagPrintsUsageAndExitsTwo() throws Exception {
        try (Daemon daemon = Daemon.run("-Z")) {
            assertThat(daemon.awaitExit(30)).isEqualTo(2);
            assertThat(daemon.output()).contains("sockd: unknown option -Z");
            assertThat(daemon.output()).anyMatch(line -> line.startsWith("usage: sockd"));
        }
    }

    @Test
    void aBadListenAddressIsExplained() throws Exception {
        try (Daemon daemon = Daemon.run("-l", "::1:1080")) {
            assertThat(daemon.awaitExit(30)).isEqualTo(2);
            assertThat(daemon.output()).anyMatch(line -> line.contains("write IPv6 addresses in brackets"));
        }
    }

    @Test
    void aMissingRulesFileStopsTheDaemon() throws Exception {
        try (Daemon daemon = Daemon.run("-f", "/nonexistent/sockd.conf", "-l", "127.0.0.1:0")) {
            assertThat(daemon.awaitExit(30)).isEqualTo(1);
            assertThat(daemon.output()).contains("sockd: Unable to open config file (/nonexistent/sockd.conf)");
        }
    }

    @Test
    void aPortInUseStopsTheDaemonWithTheReason() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                Daemon daemon = Daemon.run("-l", "127.0.0.1:" + taken.getLocalPort())) {
            assertThat(daemon.awaitExit(60)).isEqualTo(1);
            assertThat(daemon.output()).anyMatch(line -> line.contains("error -- main bind()"));
            assertThat(daemon.output()).anyMatch(line -> line.contains("cannot listen on every address"));
        }
    }

    @Test
    void listensOnEveryAddressGivenIncludingIpv6() throws Exception {
        int v4 = Ports.tcp();
        int v6 = Ports.tcp();
        try (Daemon daemon = Daemon.start("permit 127.0.0.0 255.0.0.0\n",
                "-l", "127.0.0.1:" + v4, "-l", "[::1]:" + v6)) {
            daemon.awaitLine(line -> line.contains("listening on [::1]:" + v6), 5);
            try (Socket one = new Socket("127.0.0.1", v4); Socket two = new Socket("::1", v6)) {
                assertThat(one.isConnected() && two.isConnected()).isTrue();
            }
        }
    }

    @Test
    void strictIdentRefusesWithCode92WhenIdentdCannotBeReached() throws Exception {
        try (EchoServer echo = new EchoServer();
                Daemon daemon = Daemon.start("permit 127.0.0.0 255.0.0.0\n", "-I");
                Socket client = new Socket()) {
            client.setSoTimeout(30_000);
            // no identd listens on 127.0.0.2, whatever runs on 127.0.0.1:113
            client.bind(new java.net.InetSocketAddress("127.0.0.2", 0));
            client.connect(daemon.address(), 5000);
            int port = echo.address().getPort();
            client.getOutputStream().write(new byte[] {4, 1, (byte) (port >> 8), (byte) port, 127, 0, 0, 1, 'j', 'o', 'e', 0});
            byte[] reply = client.getInputStream().readNBytes(8);
            assertThat(reply[1]).as("CD").isEqualTo((byte) 92);
            daemon.awaitLine(line -> line.endsWith("cannot connect to identd on 127.0.0.2"), 5);
            daemon.awaitLine(line -> line.contains("refused -- Connect from joe(unknown)@127.0.0.2"), 5);
        }
    }

    @Test
    void sigintStopsGracefullyToo() throws Exception {
        try (Daemon daemon = Daemon.start("permit 127.0.0.0 255.0.0.0\n")) {
            daemon.signal("INT");
            assertThat(daemon.awaitExit(30)).isIn(0, 130);
            daemon.awaitLine(line -> line.contains("no longer listening on 127.0.0.1:" + daemon.port()), 5);
        }
    }

    @Test
    void sigtermClosesTheListenersAndStopsGracefully() throws Exception {
        try (Daemon daemon = Daemon.start("permit 127.0.0.0 255.0.0.0\n")) {
            daemon.process().toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
            int status = daemon.awaitExit(30);
            assertThat(status).isIn(0, 143);
            daemon.awaitLine(line -> line.contains("no longer listening on 127.0.0.1:" + daemon.port()), 5);
        }
    }
}
