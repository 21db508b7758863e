package org.sockd.auth.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.sockd.api.admin.ReloadResult;

/**
 * The users in force, and the only way to replace them: read the whole file and swap only when
 * every line is valid. At start a bad file leaves no users, so every login fails (fail closed);
 * later a bad file keeps the users in force.
 */
final class LiveUsers {

    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final Path file;
    private final Logger log;
    private final AtomicReference<Users> current;

    LiveUsers(Path file, Logger log) {
        this.file = Objects.requireNonNull(file, "file");
        this.log = Objects.requireNonNull(log, "log");
        this.current = new AtomicReference<>(initial());
    }

    Users current() {
        return current.get();
    }

    Path file() {
        return file;
    }

    /** Serialised, so that a slow reload can never overwrite the result of a later one. */
    synchronized ReloadResult reload() {
        return switch (PasswordFile.read(file)) {
            case PasswordFile.Result.Valid valid -> {
                warnIfExposed();
                current.set(valid.users());
                log.info("reloaded {} users from {}", valid.users().names().size(), file);
                yield new ReloadResult.Reloaded(file.toString(), valid.users().names().size());
            }
            case PasswordFile.Result.Invalid invalid -> {
                invalid.errors().forEach(error -> log.error("{}", error));
                log.error("{} not reloaded ({}): the previous users stay in force", file, count(invalid.errors()));
                yield new ReloadResult.Failed(file.toString(), invalid.errors());
            }
        };
    }

    private Users initial() {
        return switch (PasswordFile.read(file)) {
            case PasswordFile.Result.Valid valid -> {
                warnIfExposed();
                log.info("loaded {} users from {}", valid.users().names().size(), file);
                yield valid.users();
            }
            case PasswordFile.Result.Invalid invalid -> {
                invalid.errors().forEach(error -> log.error("{}", error));
                log.error("{} not loaded ({}): every SOCKS 5 login fails", file, count(invalid.errors()));
                yield Users.none(file.toString());
            }
        };
    }

    /** Hashes can be attacked offline, so only the daemon's user should read them; warn, do not refuse. */
    private void warnIfExposed() {
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

    private static String count(List<String> errors) {
        return errors.size() == 1 ? "1 error" : errors.size() + " errors";
    }
}
