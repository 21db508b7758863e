package org.sockd.common.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserListTest {

    private static final Path FILE = Path.of("/etc/socks.users");

    @Test
    void namesAreComparedExactlyAndCaseSensitively() {
        UserList list = new UserList.Listed(Set.of("bonnie", "clyde"), List.of());
        assertThat(list.admits("clyde")).isTrue();
        assertThat(list.admits("Clyde")).isFalse();
        assertThat(list.admits("clyde ")).isFalse();
        assertThat(list.admits("")).isFalse();
    }

    @Test
    void anEmptyListAdmitsEveryone() {
        assertThat(UserList.ANYONE.admits("")).isTrue();
        assertThat(UserList.ANYONE.admits("anyone")).isTrue();
        assertThat(UserList.ANYONE.files()).isEmpty();
    }

    @Test
    void aListWithAnUnreadableFileAdmitsNoOneButStillNamesItsFiles() {
        UserList list = new UserList.Unreadable(List.of(FILE));
        assertThat(list.admits("")).isFalse();
        assertThat(list.admits("clyde")).isFalse();
        assertThat(list.files()).containsExactly(FILE);
    }
}
