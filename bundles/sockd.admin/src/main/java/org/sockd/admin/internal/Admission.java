package org.sockd.admin.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.attribute.UserPrincipal;

/** Who may use the admin channel, decided on the peer's credentials as the kernel reports them. */
@FunctionalInterface
interface Admission {

    /**
     * @param peer the user the connecting process runs as
     * @param daemonUser the user the daemon runs as (the owner of the socket file)
     */
    boolean admits(UserPrincipal peer, UserPrincipal daemonUser);

    /** The daemon's own user, and root, who can become that user anyway. */
    static Admission ownerOrRoot() {
        UserPrincipal root = root();
        return (peer, daemonUser) -> peer.equals(daemonUser) || peer.equals(root);
    }

    /** Principals compare by uid; the name "root" stands for uid 0 on every Linux system. */
    private static UserPrincipal root() {
        try {
            return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("root");
        } catch (IOException e) {
            return null; // no user database answer: only the daemon's own user is admitted
        }
    }
}
