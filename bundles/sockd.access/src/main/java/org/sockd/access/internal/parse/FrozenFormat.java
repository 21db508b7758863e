package org.sockd.access.internal.parse;

import org.sockd.common.frozen.FrozenFrame;

/**
 * The frozen (compiled) form of a sockd.conf, classic {@code sockd.fc}: a {@link FrozenFrame} with
 * magic "SOCKD-FC" around the parsed rules (see {@link FrozenWriter}).
 */
final class FrozenFormat {

    static final int VERSION = 1;
    static final FrozenFrame FRAME = new FrozenFrame("SOCKD-FC", VERSION, "sockd.conf", "rules", "make-fc");

    // pattern kinds
    static final int NUMERIC = 0;
    static final int ALL = 1;
    static final int HOST = 2;
    static final int ZONE = 3;

    private FrozenFormat() {
    }
}
