package org.sockd.upstream.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Path;

/** Stands in for the configuration instance DS would make for {@link SocksConfSelector}; no file watching. */
record TestConfig(String file, String default_server, int maxfail, long badexpire) implements SocksConfSelector.Config {

    TestConfig(Path file) {
        this(file.toString(), "", 1, 300);
    }

    @Override
    public int default_port() {
        return 0;
    }

    @Override
    public int upstream_max_tries() {
        return 8;
    }

    @Override
    public long connect_timeout_s() {
        return 10;
    }

    @Override
    public long negotiate_timeout_s() {
        return 30;
    }

    @Override
    public boolean auth_forward_allowed() {
        return false;
    }

    @Override
    public boolean watch() {
        return false;
    }

    @Override
    public long watch_period_ms() {
        return 2000;
    }

    @Override
    public int service_ranking() {
        return 0;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return SocksConfSelector.Config.class;
    }
}
