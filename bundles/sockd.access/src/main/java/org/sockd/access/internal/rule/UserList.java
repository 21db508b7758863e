package org.sockd.access.internal.rule;

import java.util.List;

/**
 * The {@code *=} field: the user-ids a rule applies to.
 *
 * @param names the user-ids; empty means every user (no {@code *=} field, or a bare {@code *=})
 */
public record UserList(List<String> names) {

    /** Every user. */
    public static final UserList ALL = new UserList(List.of());

    public UserList {
        names = List.copyOf(names);
    }

    /** Exact and case-sensitive, as the classic daemon compared the user-id the client sent. */
    public boolean admits(String user) {
        return names.isEmpty() || names.contains(user);
    }
}
