package org.sockd.upstream.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sockd.common.text.SyntaxException;

/**
 * The {@code *=} field: user-ids, and {@code /absolute/path} files of user-ids, read at load. A
 * field naming a file that cannot be read admits no one, whatever else it lists (classic rule).
 *
 * @param written the field as it reads back, e.g. {@code *=alice,/etc/socks.users}; empty for anyone
 * @param names every user-id admitted, or {@code null} for anyone
 * @param files the files the field names, so that a change of them reloads the table
 */
record UserList(String written, Set<String> names, List<Path> files) {

    /** No {@code *=} field, or a bare one. */
    static final UserList ANYONE = new UserList("", null, List.of());

    UserList {
        names = names == null ? null : Set.copyOf(names);
        files = List.copyOf(files);
    }

    boolean admits(String user) {
        return names == null || names.contains(user);
    }

    static UserList parse(String field, UserFiles userFiles) throws SyntaxException {
        if (field.equals("*=")) {
            return ANYONE;
        }
        Set<String> names = new HashSet<>();
        List<Path> files = new ArrayList<>();
        boolean unreadable = false;
        for (String entry : field.substring(2).split(",", -1)) {
            if (entry.isEmpty()) {
                throw new SyntaxException("Invalid *= field " + quoted(field) + " (empty user-id)");
            }
            if (!entry.contains("/")) {
                names.add(entry);
                continue;
            }
            Path file = file(field, entry);
            files.add(file);
            Optional<Set<String>> content = userFiles.names(file);
            content.ifPresent(names::addAll);
            unreadable |= content.isEmpty();
        }
        return new UserList(field, unreadable ? Set.of() : names, files);
    }

    /** A user-id cannot hold a '/', and a relative path would depend on the daemon's directory. */
    private static Path file(String field, String entry) throws SyntaxException {
        try {
            Path file = Path.of(entry);
            if (entry.startsWith("/") && file.isAbsolute()) {
                return file;
            }
        } catch (InvalidPathException e) {
            // reported below like any other unusable path
        }
        throw new SyntaxException("Invalid *= field " + quoted(field) + " (user file " + quoted(entry)
                + " is not an absolute path, like /etc/socks.users)");
    }
}
