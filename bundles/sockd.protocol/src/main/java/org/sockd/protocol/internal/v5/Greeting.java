package org.sockd.protocol.internal.v5;

import java.util.List;

/**
 * A SOCKS 5 method-selection message.
 *
 * @param methods the offered methods in the client's order, each 0..255
 */
record Greeting(List<Integer> methods) {

    Greeting {
        methods = List.copyOf(methods);
    }
}
