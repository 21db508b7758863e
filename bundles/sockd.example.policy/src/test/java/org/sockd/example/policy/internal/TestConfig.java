package org.sockd.example.policy.internal;

import java.lang.annotation.Annotation;

/** A {@link DenyListPolicy.Config} with chosen values, where Config Admin would make one in the framework. */
record TestConfig(String file, String sockd_policy_name, int service_ranking) implements DenyListPolicy.Config {

    static TestConfig file(String file) {
        return new TestConfig(file, "denylist", 100);
    }

    TestConfig ranked(int ranking) {
        return new TestConfig(file, sockd_policy_name, ranking);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return DenyListPolicy.Config.class;
    }
}
