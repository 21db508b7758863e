package org.sockd.route.internal;

import org.sockd.common.frozen.FrozenFrame;

/**
 * The frozen (compiled) form of a route file, classic {@code sockd.fr}: a {@link FrozenFrame} with
 * magic "SOCKD-FR" around the text file's name and the entries (see {@link FrozenRouteWriter}).
 */
final class FrozenRouteFormat {

    static final int VERSION = 1;
    static final FrozenFrame FRAME = new FrozenFrame("SOCKD-FR", VERSION, "route file", "routes", "make-fr");

    // destination kinds
    static final int NETWORK = 0;
    static final int HOST = 1;
    static final int ZONE = 2;

    private FrozenRouteFormat() {
    }
}
