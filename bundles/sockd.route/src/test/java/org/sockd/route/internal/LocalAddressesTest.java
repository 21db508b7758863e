package org.sockd.route.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.route.internal.Tables.address;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The host's own addresses, asked of the real system. */
class LocalAddressesTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1,    true",   // listed on lo
        "127.0.0.5,    true",   // not listed, but the whole 127/8 is routed to lo and can be bound
        "::1,          true",
        "203.0.113.9,  false",  // TEST-NET-3, documentation only
        "2001:db8::9,  false",  // the IPv6 documentation prefix
    })
    void anAddressIsLocalWhenAnInterfaceHasItOrASocketCanBindIt(String literal, boolean local) {
        assertThat(LocalAddresses.system().isLocal(address(literal))).isEqualTo(local);
    }
}
