package org.sockd.launcher.internal;

/** The facts {@code sockd -ver} prints, one per line, as the 4.3 man page lists them. */
final class VersionFacts {

    private VersionFacts() {
    }

    static String text(String sockdVersion, String framework) {
        return """
                sockd %s (classic-compatible 4.3)
                SOCKS protocol versions: 4, 4A, 5
                SOCKSified: yes
                Mode: stand-alone
                RBIND: supported
                Route file: not required
                Routes: optional, from a sockd.route file given with -r FILE (multi-homed hosts)
                Upstreams: optional, from a socks.conf file given with -s FILE (SOCKS 4, 4A, 5, HTTP CONNECT)
                Authentication: none; username/password (RFC 1929) from a password file given with -U FILE
                Java: %s (%s)
                Framework: %s
                """.formatted(sockdVersion, Runtime.version(), System.getProperty("java.vendor"), framework);
    }
}
