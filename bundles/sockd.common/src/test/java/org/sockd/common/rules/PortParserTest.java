package org.sockd.common.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockd.common.netdb.Services;
import org.sockd.common.text.SyntaxException;

/** Port fields and the classic {@code op port} pair; Dante's symbols and ranges stay out of it. */
class PortParserTest {

    private final PortParser ports = new PortParser(Services.parse(List.of("http\t80/tcp\twww")));

    @Test
    void aPortIsADecimalNumberOrATcpServiceName() throws SyntaxException {
        assertThat(ports.port("0")).isZero();
        assertThat(ports.port("65535")).isEqualTo(65535);
        assertThat(ports.port("www")).isEqualTo(80);
        assertThatThrownBy(() -> ports.port("65536")).isInstanceOf(SyntaxException.class)
                .hasMessage("Invalid port number \"65536\" (a number 0-65535 or a tcp service name)");
    }

    @Test
    void theClassicPairTakesKeywordsOnly() throws SyntaxException {
        assertThat(ports.classic("GE", "http")).isEqualTo(new PortTest.Compare(Op.GE, 80));
        assertThatThrownBy(() -> ports.classic(">=", "80")).isInstanceOf(SyntaxException.class)
                .hasMessage("Invalid comparison \">=\" (one of eq, neq, lt, gt, le, ge)");
        assertThatThrownBy(() -> ports.classic("ne", "80")).isInstanceOf(SyntaxException.class);
    }

    @Test
    void eachTestWritesItselfInBothGrammarsButARangeOnlyInDante() {
        PortTest compare = new PortTest.Compare(Op.NEQ, 23);
        assertThat(compare.classicText()).isEqualTo("neq 23");
        assertThat(compare.danteText()).isEqualTo("port != 23");
        PortTest range = new PortTest.Range(1024, 2048);
        assertThat(range.passes(1024)).isTrue();
        assertThat(range.passes(2049)).isFalse();
        assertThat(range.danteText()).isEqualTo("port 1024 - 2048");
        assertThatThrownBy(range::classicText).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PortTest.Compare(Op.EQ, 65536)).isInstanceOf(IllegalArgumentException.class);
    }
}
