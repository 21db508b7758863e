package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Await;
import org.sockd.itest.EchoServer;
import org.sockd.itest.Socks5Client;

/**
 * The daemon under a descriptor limit (RLIMIT_NOFILE, set by prlimit): its session cap follows the
 * limit, and running out of descriptors pauses accepting instead of spinning or failing, while the
 * sessions it has go on. Needs prlimit (util-linux); skipped without it, except in CI.
 */
class DescriptorLimitIT {

    private static final String RULES = "permit 127.0.0.0 255.0.0.0\n";
    private static final int FLOOD = 400;
    /** CPU seconds the daemon may use while flooded for the seconds below: a spinning accept loop uses them all. */
    private static final double FLOOD_CPU_SECONDS = 2.5;
    private static final int FLOOD_SECONDS = 5;

    @AutoClose
    private final EchoServer echo;

    @TempDir
    Path home;

    DescriptorLimitIT() throws IOException {
        echo = new EchoServer();
    }

    @Test
    void theDefaultSessionCapIsWhatTheDescriptorLimitHolds() throws Exception {
        try (Daemon daemon = AdminDaemon.startThrough(prlimit(1024), home, RULES)) {
            daemon.awaitLine(line -> line.contains("session cap 384, from 1024 descriptors (RLIMIT_NOFILE)"), 10);
            assertThat(status(daemon)).contains(", at most 384 at once");
        }
    }

    @Test
    void aSessionCapAboveTheDescriptorLimitIsKeptWithAWarning() throws Exception {
        AdminDaemon.coreSettings(home, "max.sessions = I\"5000\"");
        try (Daemon daemon = AdminDaemon.startThrough(prlimit(1024), home, RULES)) {
            daemon.awaitLine(line -> line.contains("session cap 5000 (max.sessions) is more than 1024 descriptors "
                    + "(RLIMIT_NOFILE) allow, 384: clients may be refused for want of descriptors before the cap"), 10);
            assertThat(status(daemon)).contains(", at most 5000 at once");
        }
    }

    @Test
    void runningOutOfDescriptorsPausesAcceptingAndTheSessionsGoOn() throws Exception {
        // a cap the descriptors cannot hold, and no limit of one address, so that descriptors run out first
        AdminDaemon.coreSettings(home, "max.sessions = I\"10000\"", "max.sessions.per.client = I\"0\"",
                "connect.rate.per.client = I\"0\"");
        try (Daemon daemon = AdminDaemon.startThrough(prlimit(256), home, RULES)) {
            List<Socks5Client.Connection> relays = new ArrayList<>();
            List<Socket> flood = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    relays.add(Socks5Client.connect(daemon.address(), echo.address()));
                }
                long pid = daemon.process().pid();
                for (int i = 0; i < FLOOD; i++) {
                    flood.add(Sockets.connect(daemon.address())); // the kernel's backlog takes those not accepted
                }
                daemon.awaitLine(line -> line.contains("Too many open files; pausing 1 s"), 30);
                double before = cpuSeconds(pid);
                for (int second = 0; second < FLOOD_SECONDS; second++) {
                    for (Socks5Client.Connection relay : relays) {
                        relay.roundTrip(Sockets.randomBytes(64, second));
                    }
                    Thread.sleep(1000);
                }
                assertThat(cpuSeconds(pid) - before).as("CPU seconds over %d s out of descriptors", FLOOD_SECONDS)
                        .isLessThan(FLOOD_CPU_SECONDS);
            } finally {
                for (Socket socket : flood) {
                    socket.close();
                }
            }
            Await.until(() -> Sockets.servesANewClient(daemon.address(), echo.address()), Duration.ofSeconds(30),
                    "a new client served after the flood");
            for (Socks5Client.Connection relay : relays) {
                relay.roundTrip(Sockets.randomBytes(64, 99));
                relay.close();
            }
            assertThat(daemon.process().isAlive()).isTrue();
        }
    }


    /** @return user and system CPU time of the process so far, from /proc/PID/stat */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the name: state is field 3, utime 14 and stime 15 (proc(5)), in clock ticks of 1/100 s
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static List<String> prlimit(int descriptors) {
        Programs.require(List.of("prlimit"), "apt-get install util-linux");
        return List.of("prlimit", "--nofile=" + descriptors + ":" + descriptors, "--");
    }


    private static String status(Daemon daemon) throws IOException, InterruptedException {
        ProgramResult status = AdminTools.ctl(daemon.adminSocket(), "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        return status.out();
    }
}
