package org.sockd.http.internal;

import java.util.function.BooleanSupplier;
import org.sockd.api.admin.Node;
import org.sockd.api.admin.Readiness;

/** Ready when a listener is open and the core says it serves new clients as configured. */
record ReadyCheck(Node node, BooleanSupplier listening) {

    Readiness now() {
        if (!listening.getAsBoolean()) {
            return new Readiness.NotReady("no listener is open");
        }
        return node.readiness();
    }
}
