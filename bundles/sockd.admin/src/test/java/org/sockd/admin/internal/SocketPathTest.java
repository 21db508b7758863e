package org.sockd.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SocketPathTest {

    @Test
    void theDefaultIsRunSockdSockInTheHomeDirectoryElseTheWorkingDirectory() {
        assertThat(SocketPath.resolve("", "/opt/sockd")).isEqualTo(Path.of("/opt/sockd/run/sockd.sock"));
        assertThat(SocketPath.resolve(null, null)).isEqualTo(Path.of("run/sockd.sock").toAbsolutePath());
        assertThat(SocketPath.resolve(" ", "")).isEqualTo(Path.of("run/sockd.sock").toAbsolutePath());
    }

    @Test
    void aConfiguredPathIsTakenFromTheHomeDirectoryUnlessAbsolute() {
        assertThat(SocketPath.resolve("var/admin.sock", "/opt/sockd")).isEqualTo(Path.of("/opt/sockd/var/admin.sock"));
        assertThat(SocketPath.resolve("/run/sockd/admin.sock", "/opt/sockd")).isEqualTo(Path.of("/run/sockd/admin.sock"));
        assertThat(SocketPath.resolve("../x/./admin.sock", "/opt/sockd")).isEqualTo(Path.of("/opt/x/admin.sock"));
    }
}
