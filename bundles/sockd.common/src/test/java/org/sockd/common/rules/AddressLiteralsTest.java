package org.sockd.common.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockd.common.text.SyntaxException;

/** Strict dotted quads, what inet_addr() would take for a number, and IPv6 literals without a lookup. */
class AddressLiteralsTest {

    @Test
    void aDottedQuadIsFourDecimalOctets() throws SyntaxException {
        assertThat(AddressLiterals.dottedQuad("10.0.255.1", "x", "y")).containsExactly(10, 0, -1, 1);
        assertThatThrownBy(() -> AddressLiterals.dottedQuad("10.0.0.256", "Invalid mask", AddressLiterals.QUAD_HINT))
                .isInstanceOf(SyntaxException.class).hasMessage("Invalid mask \"10.0.0.256\" (256 is over 255)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"010.0.0.1", "0x0a.0.0.1", "10.1", "167772161", "1.2.3.4.5"})
    void numberLikeSpellingsAreNoDottedQuad(String field) {
        assertThat(AddressLiterals.numberLike(field)).isTrue();
        assertThatThrownBy(() -> AddressLiterals.dottedQuad(field, "Invalid address", "a quad"))
                .isInstanceOf(SyntaxException.class)
                .hasMessage("Invalid address \"" + field + "\" (expected a quad)");
    }

    @Test
    void anIpv6LiteralIsReadWithoutALookupAndANameIsNeverOne() {
        assertThat(AddressLiterals.ipv6("fd00::1")).get().isInstanceOf(Inet6Address.class);
        assertThat(AddressLiterals.ipv6("::ffff:10.0.0.1")).get().isInstanceOf(Inet4Address.class);
        assertThat(AddressLiterals.ipv6("fd00::1::2")).isEmpty();
        assertThat(AddressLiterals.ipv6("localhost")).isEmpty();
        assertThat(AddressLiterals.ipv6("fe80::1%eth0")).isEmpty();
        assertThat(AddressLiterals.looksNumeric("host.example.com")).isFalse();
        assertThat(AddressLiterals.looksNumeric("fd00::")).isTrue();
    }

    @Test
    void aLiteralIsAStrictDottedQuadOrAnIpv6AddressAndNeverAName() {
        assertThat(AddressLiterals.literal("192.0.2.7")).get().isInstanceOf(Inet4Address.class);
        assertThat(AddressLiterals.literal("2001:db8::7")).get().isInstanceOf(Inet6Address.class);
        assertThat(AddressLiterals.literal("010.0.0.1")).isEmpty();
        assertThat(AddressLiterals.literal("10.1")).isEmpty();
        assertThat(AddressLiterals.literal("localhost")).isEmpty();
        assertThat(AddressLiterals.literal("")).isEmpty();
    }
}
