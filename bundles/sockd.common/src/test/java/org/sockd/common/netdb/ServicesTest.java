package org.sockd.common.netdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServicesTest {

    private final Services services = Services.parse(List.of(
            "# comment line",
            "telnet\t\t23/tcp",
            "http\t\t80/tcp\t\twww\t\t# WorldWideWeb HTTP",
            "http\t\t80/udp",
            "domain\t53/udp",
            "broken\tx/tcp",
            "huge\t70000/tcp",
            "webcache\t80/tcp",
            ""));

    @Test
    void namesAndAliasesGiveTheirTcpPort() {
        assertThat(services.port("telnet")).hasValue(23);
        assertThat(services.port("www")).hasValue(80);
    }

    @Test
    void udpOnlyAndMalformedEntriesAreIgnored() {
        assertThat(services.port("domain")).isEmpty();
        assertThat(services.port("broken")).isEmpty();
        assertThat(services.port("huge")).isEmpty();
    }

    @Test
    void theFirstEntryNamesAPort() {
        assertThat(services.name(80)).hasValue("http");
        assertThat(services.name(81)).isEmpty();
    }

    @Test
    void theSystemFileIsReadWhenPresent() {
        assertThat(Services.system().name(23)).hasValue("telnet");
    }
}
