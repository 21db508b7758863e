package org.sockd.common.config;

/** Checks of configuration values, with messages that name the component and the property. */
public final class Settings {

    private Settings() {
    }

    /**
     * @param pid the component's configuration PID, e.g. {@code sockd.route.file}
     * @param property the property as written in its configuration file, e.g. {@code watch.period.ms}
     * @throws IllegalArgumentException when the value is 0 or less, naming PID, property and value
     */
    public static void requirePositive(String pid, String property, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(pid + ": " + property + " must be greater than 0, not " + value);
        }
    }
}
