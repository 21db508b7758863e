package org.sockd.route.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.sockd.api.route.Route;
import org.sockd.common.net.AddressText;
import org.sockd.common.reload.LoadResult;

/** Helpers shared by the tests: parse a table that must be valid, look up literal addresses. */
final class Tables {

    private Tables() {
    }

    static RouteTable parsed(String text) {
        LoadResult<RouteTable> result = RouteParser.parse("sockd.route", text);
        assertThat(result).isInstanceOf(LoadResult.Valid.class);
        return ((LoadResult.Valid<RouteTable>) result).content();
    }

    /** @param literal an address literal: no name is ever looked up */
    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** @return the chosen interface, or the NoRoute reason */
    static String select(Routes routes, String destination, String name) {
        return switch (routes.select(address(destination), name)) {
            case Route.Via via -> AddressText.of(via.local());
            case Route.NoRoute none -> none.reason();
        };
    }
}
