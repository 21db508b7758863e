package org.sockd.access.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Path;

/** Stands in for the configuration instance DS would make for {@link SockdConfPolicy}. */
record TestPolicyConfig(String file, String ident_mode, boolean watch, long watch_period_ms)
        implements SockdConfPolicy.Config {

    /** No file watching: the test reloads explicitly, or not at all. */
    TestPolicyConfig(Path file, String identMode) {
        this(file.toString(), identMode, false, 1000);
    }

    @Override
    public String sockd_policy_name() {
        return "sockd.conf";
    }

    @Override
    public int service_ranking() {
        return 0;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return SockdConfPolicy.Config.class;
    }
}
