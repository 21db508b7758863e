package org.sockd.auth.internal;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.sockd.common.files.StrictModes;
import org.sockd.common.reload.FileKind;

/** The password file as a file the daemon keeps live: with no users, every login fails. */
final class UsersFile {

    static final FileKind<Users> KIND = FileKind.<Users>of("users", users -> users.names().size(),
            (file, errors) -> Users.none(file.toString()), "every SOCKS 5 login fails")
            .withReview(UsersFile::warnIfExposed);

    private UsersFile() {
    }

    /**
     * A file others may read or change is refused unless {@value StrictModes#PROPERTY} is false;
     * then it is used, and this says each time what the checks would have refused.
     */
    private static void warnIfExposed(Path file, Users users, Logger log) {
        StrictModes.secretFileProblem(file, System.getProperty("user.name")).ifPresent(problem -> log.warn(
                "{}: {}; used all the same, as {} is false", file, problem, StrictModes.PROPERTY));
    }
}
