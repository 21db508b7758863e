package org.sockd.api.upstream;

import java.util.Objects;

/**
 * The name and password the daemon logs in to an upstream with. {@link #toString()} never shows
 * the password, so a login can be logged by accident without leaking it.
 *
 * @param name the user name sent upstream
 * @param password the password sent upstream
 */
public record Login(String name, String password) {

    public Login {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
    }

    /** @return the name only */
    @Override
    public String toString() {
        return "Login[name=" + name + ", password=(hidden)]";
    }
}
