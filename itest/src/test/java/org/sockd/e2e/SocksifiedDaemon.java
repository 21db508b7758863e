package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A daemon started with -s and a socks.conf (the SOCKSified sockd), and curl through it. */
final class SocksifiedDaemon {

    static final String PERMIT = "permit 127.0.0.0 255.0.0.0\n";

    private SocksifiedDaemon() {
    }

    /**
     * Starts it in a home of its own, so that its admin socket is its own; the socks.conf is
     * {@code home/socks.conf}.
     */
    static Daemon start(Path home, String socksConf) throws IOException, InterruptedException {
        return start(home, socksConf, Map.of());
    }

    /**
     * As {@link #start(Path, String)}, with more files in its config directory (name to lines)
     * and more arguments.
     */
    static Daemon start(Path home, String socksConf, Map<String, List<String>> configFiles, String... args)
            throws IOException, InterruptedException {
        Files.createDirectories(home.resolve("deploy"));
        ConfigDir config = ConfigDir.copyOfShipped(Files.createDirectories(home.resolve("config")), Ports.tcp());
        for (Map.Entry<String, List<String>> file : configFiles.entrySet()) {
            config.write(file.getKey(), file.getValue());
        }
        Path file = Files.writeString(home.resolve("socks.conf"), socksConf);
        Path rules = Files.writeString(home.resolve("sockd.conf"), PERMIT);
        List<String> all = new ArrayList<>(List.of("-s", file.toString()));
        all.addAll(List.of(args));
        return Daemon.start(Daemon.Launch.DEFAULT.withHome(home), rules, all.toArray(String[]::new));
    }

    /** Runs curl through the daemon and returns what it printed (the page, or its error). */
    static String curl(Daemon daemon, String flag, String url) throws IOException, InterruptedException {
        Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "10", flag, "127.0.0.1:" + daemon.port(), url)
                .redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(15, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** @return what a process wrote to the file so far; empty until it is written */
    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
