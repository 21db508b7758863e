package org.sockd.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionFactsTest {

    @Test
    void oneFactPerLineAsThe43ManPageListsThem() {
        assertThat(VersionFacts.text("1.2.3", "org.apache.felix.framework 7.0.5").lines().toList())
                .startsWith("sockd 1.2.3 (classic-compatible 4.3)", "SOCKS protocol versions: 4, 4A, 5",
                        "SOCKSified: no", "Mode: stand-alone", "RBIND: not supported", "Route file: not required")
                .contains("Framework: org.apache.felix.framework 7.0.5")
                .anyMatch(line -> line.startsWith("Java: " + Runtime.version()));
    }
}
