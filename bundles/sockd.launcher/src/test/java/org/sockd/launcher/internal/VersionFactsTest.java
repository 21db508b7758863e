package org.sockd.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionFactsTest {

    @Test
    void oneFactPerLineAsThe43ManPageListsThem() {
        assertThat(VersionFacts.text("1.2.3", "org.apache.felix.framework 7.0.5").lines().toList())
                .startsWith("sockd 1.2.3 (classic-compatible 4.3)", "SOCKS protocol versions: 4, 4A, 5",
                        "SOCKSified: yes", "Mode: stand-alone", "RBIND: supported", "Route file: not required")
                .contains("Routes: optional, from a sockd.route file given with -r FILE (multi-homed hosts)",
                        "Upstreams: optional, from a socks.conf file given with -s FILE (SOCKS 4, 4A, 5, HTTP CONNECT)",
                        "Authentication: none; username/password (RFC 1929) from a password file given with -U FILE")
                .contains("Framework: org.apache.felix.framework 7.0.5")
                .anyMatch(line -> line.startsWith("Java: " + Runtime.version()));
    }
}
