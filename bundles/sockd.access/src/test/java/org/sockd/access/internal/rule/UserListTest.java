package org.sockd.access.internal.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserListTest {

    @Test
    void namesAreComparedExactlyAndCaseSensitively() {
        UserList list = new UserList(List.of("bonnie", "clyde"));
        assertThat(list.admits("clyde")).isTrue();
        assertThat(list.admits("Clyde")).isFalse();
        assertThat(list.admits("clyde ")).isFalse();
        assertThat(list.admits("")).isFalse();
    }

    @Test
    void anEmptyListAdmitsEveryone() {
        assertThat(UserList.ALL.admits("")).isTrue();
        assertThat(UserList.ALL.admits("anyone")).isTrue();
    }
}
