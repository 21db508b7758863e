package org.sockd.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockd.common.net.DestinationName.Flaw;

/** What a host sent by name is taken for, before anything could look it up. */
class DestinationNameTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "192.0.2.255", "::1", "::", "2001:db8::7", "::ffff:127.0.0.1",
        "64:ff9b::7f00:1", "2002:7f00:1::"})
    void aCanonicalAddressIsThatAddress(String host) throws Exception {
        assertThat(DestinationName.of(host)).isEqualTo(new DestinationName.Literal(InetAddress.getByName(host)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"localhost", "LOCALHOST.", "www.example.com", "_sip._tcp.example.com", "a-b.c_d", "1e3",
        "0xdeadbeef.example", "123.example", "xn--bcher-kva.example"})
    void aHostNameIsANameToLookUp(String host) {
        assertThat(DestinationName.of(host)).isEqualTo(new DestinationName.Name(host));
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(nullValues = "NULL", value = {
        "2130706433, AMBIGUOUS_NUMBER",
        "0177.0.0.1, AMBIGUOUS_NUMBER",
        "012.0.0.1, AMBIGUOUS_NUMBER",
        "0x7f.1, AMBIGUOUS_NUMBER",
        "0x7f.0.0.1, AMBIGUOUS_NUMBER",
        "0x7f000001, AMBIGUOUS_NUMBER",
        "017700000001, AMBIGUOUS_NUMBER",
        "0, AMBIGUOUS_NUMBER",
        "127.1, AMBIGUOUS_NUMBER",
        "127.0.1, AMBIGUOUS_NUMBER",
        "127.0.0.1., AMBIGUOUS_NUMBER",
        "1.2.3.4.5, AMBIGUOUS_NUMBER",
        "256.0.0.1, AMBIGUOUS_NUMBER",
        "'', EMPTY",
        "[::1], BRACKETED",
        "[127.0.0.1], BRACKETED",
        "fe80::1%lo, SCOPED",
        "fe80::1%1, SCOPED",
        "fd00::1::2, BAD_IPV6",
        "host:80, BAD_CHARACTER",
        "a%lo, BAD_CHARACTER",
        "a b, BAD_CHARACTER",
        "host/path, BAD_CHARACTER",
        "user@host, BAD_CHARACTER",
        "b\u00fccher.example, BAD_CHARACTER",
        ".example.com, EMPTY_LABEL",
        "a..example.com, EMPTY_LABEL",
        "'.', EMPTY_LABEL",
        "example.com.., EMPTY_LABEL",
    })
    void anyOtherSpellingIsRefused(String host, Flaw flaw) {
        assertThat(DestinationName.of(host)).isEqualTo(new DestinationName.Refused(flaw));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a\u0000b", "127.0.0.1\u0000.example.invalid", "a\tb", "a\nb"})
    void controlCharactersAreRefused(String host) {
        assertThat(DestinationName.of(host)).isEqualTo(new DestinationName.Refused(Flaw.BAD_CHARACTER));
    }

    @Test
    void labelsAndNamesHaveTheLengthsOfTheDns() {
        String label63 = "a".repeat(63);
        assertThat(DestinationName.of(label63 + ".example")).isInstanceOf(DestinationName.Name.class);
        assertThat(DestinationName.of("a".repeat(64) + ".example"))
                .isEqualTo(new DestinationName.Refused(Flaw.LONG_LABEL));
        String name253 = String.join(".", label63, label63, label63, "a".repeat(61));
        assertThat(name253).hasSize(253);
        assertThat(DestinationName.of(name253)).isEqualTo(new DestinationName.Name(name253));
        assertThat(DestinationName.of(name253 + ".")).isEqualTo(new DestinationName.Name(name253 + "."));
        assertThat(DestinationName.of(name253 + "a")).isEqualTo(new DestinationName.Refused(Flaw.LONG_NAME));
        assertThat(DestinationName.of("a".repeat(255))).isEqualTo(new DestinationName.Refused(Flaw.LONG_NAME));
    }
}
