package org.sockd.common.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The {@code *=} field: the user-ids a rule applies to, compared with the user-id the client
 * program sent, exactly and case-sensitively. User files are read when the rules are loaded, so
 * deciding never touches the disk.
 */
public sealed interface UserList {

    /** No {@code *=} field, or a bare {@code *=}. */
    UserList ANYONE = new Anyone();

    /** @return whether the user-id is in the list */
    boolean admits(String user);

    /** @return the user files the field names, in order, so a watcher can reload when they change */
    List<Path> files();

    /** Every user. */
    record Anyone() implements UserList {
        @Override
        public boolean admits(String user) {
            return true;
        }

        @Override
        public List<Path> files() {
            return List.of();
        }
    }

    /**
     * The user-ids written in the field and those read from its files.
     *
     * @param names every user-id admitted
     * @param files the files some of them came from
     */
    record Listed(Set<String> names, List<Path> files) implements UserList {
        /** Copies names and files. */
        public Listed {
            names = Set.copyOf(names);
            files = List.copyOf(files);
        }

        @Override
        public boolean admits(String user) {
            return names.contains(user);
        }
    }

    /**
     * A list naming a file that could not be read: it admits no one, whatever its other entries
     * say (classic behaviour). The failure was logged when the rules were loaded.
     *
     * @param files every file the field names, the unreadable ones included
     */
    record Unreadable(List<Path> files) implements UserList {
        /** Copies the files. */
        public Unreadable {
            files = List.copyOf(files);
        }

        @Override
        public boolean admits(String user) {
            return false;
        }
    }
}
