package org.sockd.common.rules;

import static org.sockd.common.text.SyntaxException.quoted;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sockd.common.text.SyntaxException;

/** Parses a {@code *=} field: user-ids and {@code /absolute/path} user files, separated by commas. */
public final class UserListParser {

    private UserListParser() {
    }

    /**
     * @param field the whole field, {@code *=} included
     * @param userFiles reads the files the field names, once per load
     * @throws SyntaxException for an empty user-id or a user file that is no absolute path
     */
    public static UserList parse(String field, UserFiles userFiles) throws SyntaxException {
        if (field.equals("*=")) {
            return UserList.ANYONE;
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
        return unreadable ? new UserList.Unreadable(files) : new UserList.Listed(names, files);
    }

    /**
     * The classic daemon took an entry starting with '/' as a file and anything else as a
     * user-id. A user-id cannot hold a '/', so an entry with one elsewhere is a relative path,
     * which the daemon never resolved against any directory: refused rather than guessed.
     */
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
