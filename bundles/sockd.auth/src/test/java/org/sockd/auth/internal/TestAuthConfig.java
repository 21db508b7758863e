package org.sockd.auth.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Path;

/** Stands in for the configuration instance DS would make for {@link PasswordFileAuthenticator}. */
record TestAuthConfig(String file, int max_failures, long failure_window_s, boolean watch, long watch_period_ms,
        int max_concurrent_checks, long check_wait_ms, int user_max_failures, long login_cache_seconds,
        int login_cache_entries) implements PasswordFileAuthenticator.Config {

    /** The shipped defaults, without file watching: the test reloads explicitly, or not at all. */
    TestAuthConfig(Path file) {
        this(file.toString(), 5, 60, false, 2000, 0, 10_000, 10, 900, 10_000);
    }

    TestAuthConfig watching(long periodMs) {
        return new TestAuthConfig(file, max_failures, failure_window_s, true, periodMs, max_concurrent_checks,
                check_wait_ms, user_max_failures, login_cache_seconds, login_cache_entries);
    }

    TestAuthConfig maxFailures(int failures) {
        return new TestAuthConfig(file, failures, failure_window_s, watch, watch_period_ms, max_concurrent_checks,
                check_wait_ms, user_max_failures, login_cache_seconds, login_cache_entries);
    }

    TestAuthConfig userMaxFailures(int failures) {
        return new TestAuthConfig(file, max_failures, failure_window_s, watch, watch_period_ms, max_concurrent_checks,
                check_wait_ms, failures, login_cache_seconds, login_cache_entries);
    }

    TestAuthConfig checks(int concurrent, long waitMs) {
        return new TestAuthConfig(file, max_failures, failure_window_s, watch, watch_period_ms, concurrent, waitMs,
                user_max_failures, login_cache_seconds, login_cache_entries);
    }

    TestAuthConfig loginCache(long seconds, int entries) {
        return new TestAuthConfig(file, max_failures, failure_window_s, watch, watch_period_ms, max_concurrent_checks,
                check_wait_ms, user_max_failures, seconds, entries);
    }

    @Override
    public int service_ranking() {
        return 0;
    }

    @Override
    public boolean login_forward() {
        return false;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return PasswordFileAuthenticator.Config.class;
    }
}
