package org.sockd.auth.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.sockd.common.reload.FileKind;

/** The password file as a file the daemon keeps live: with no users, every login fails. */
final class UsersFile {

    static final FileKind<Users> KIND = FileKind.<Users>of("users", users -> users.names().size(),
            (file, errors) -> Users.none(file.toString()), "every SOCKS 5 login fails")
            .withReview(UsersFile::warnIfExposed);

    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private UsersFile() {
    }

    /** Hashes can be attacked offline, so only the daemon's user should read them; warn, do not refuse. */
    private static void warnIfExposed(Path file, Users users, Logger log) {
        try {
            Set<PosixFilePermission> exposed = EnumSet.noneOf(PosixFilePermission.class);
            exposed.addAll(Files.getPosixFilePermissions(file));
            exposed.retainAll(GROUP_OR_OTHER);
            if (!exposed.isEmpty()) {
                log.warn("{} can be read or written by group or others ({}): its hashes can be guessed offline;"
                        + " chmod 600 it", file, exposed);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // No POSIX permissions here (or the file went): nothing to check.
        }
    }
}
