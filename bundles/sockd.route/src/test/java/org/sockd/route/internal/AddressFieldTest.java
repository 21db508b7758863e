package org.sockd.route.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.route.internal.Tables.address;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.common.net.AddressText;

/** An address field, however written, has one spelling in dumps and entries: RFC 5952 for IPv6. */
class AddressFieldTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.1,                     10.0.0.1",
        "0:0:0:0:0:0:0:0,              ::",
        "0:0:0:0:0:0:0:1,              ::1",
        "FD00:0000:0:0:0:0:0:0002,     fd00::2",
        "1:0:0:2:0:0:0:3,              1:0:0:2::3",
        "1:0:0:2:0:0:3:4,              1::2:0:0:3:4",
        "1:0:2:3:4:5:6:7,              1:0:2:3:4:5:6:7",
        "2001:db8:0:0:1:0:0:0,         2001:db8:0:0:1::",
        "ffff:ffff:ffff:ffff:0:0:0:0,  ffff:ffff:ffff:ffff::",
    })
    void addressesHaveOneSpelling(String written, String canonical) {
        assertThat(AddressText.of(address(written))).isEqualTo(canonical);
    }
}
