package org.sockd.access.internal.parse;

import org.sockd.common.frozen.FrozenFrame;

/**
 * The frozen (compiled) form of a sockd.conf, classic {@code sockd.fc}: a {@link FrozenFrame} with
 * magic "SOCKD-FC" around the parsed rules (see {@link FrozenWriter}).
 */
final class FrozenFormat {

    /** Version 2 added the IPv6 prefix kind; version 1 files are refused and made again. */
    static final int VERSION = 2;
    static final FrozenFrame FRAME = new FrozenFrame("SOCKD-FC", VERSION, "sockd.conf", "rules", "make-fc");

    // pattern kinds
    static final int NUMERIC = 0;
    static final int ALL = 1;
    static final int HOST = 2;
    static final int ZONE = 3;
    static final int IPV6_PREFIX = 4;

    private FrozenFormat() {
    }
}
