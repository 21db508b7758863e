package org.sockd.auth.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.FileKind;

/** The password file as a file the daemon keeps live: with no users, every login fails. */
final class UsersFile implements FileKind<Users> {

    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    @Override
    public String noun() {
        return "users";
    }

    @Override
    public int size(Users users) {
        return users.names().size();
    }

    @Override
    public Users refusing(Path file, List<FileError> errors) {
        return Users.none(file.toString());
    }

    @Override
    public String whileRefusing() {
        return "every SOCKS 5 login fails";
    }

    /** Hashes can be attacked offline, so only the daemon's user should read them; warn, do not refuse. */
    @Override
    public void review(Path file, Users users, Logger log) {
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
