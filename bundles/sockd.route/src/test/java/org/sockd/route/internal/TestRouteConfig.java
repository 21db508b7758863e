package org.sockd.route.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Path;

/** Stands in for the configuration instance DS would make for {@link RouteFilePolicy}. */
record TestRouteConfig(String file, boolean watch, long watch_period_ms) implements RouteFilePolicy.Config {

    /** No file watching: the test reloads explicitly, or not at all. */
    TestRouteConfig(Path file) {
        this(file.toString(), false, 2000);
    }

    @Override
    public int service_ranking() {
        return 0;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return RouteFilePolicy.Config.class;
    }
}
