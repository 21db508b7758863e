package org.sockd.admin.internal;

import java.nio.file.Path;

/** Where the admin socket is, for the daemon and for the client alike. */
final class SocketPath {

    /** Framework or system property: the directory sockd runs from (bin/sockd sets it to the checkout). */
    static final String HOME = "sockd.home";
    static final String DEFAULT = "run/sockd.sock";

    private SocketPath() {
    }

    /**
     * @param configured the configured path, relative to the home directory; blank for the default
     * @param home the {@value #HOME} property, or {@code null} for the working directory
     * @return the absolute path of the socket
     */
    static Path resolve(String configured, String home) {
        Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        String path = configured == null || configured.isBlank() ? DEFAULT : configured;
        return base.toAbsolutePath().resolve(path).normalize();
    }
}
