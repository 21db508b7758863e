package org.sockd.action.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShellSafeTest {

    static Stream<Arguments> hostileValues() {
        return Stream.of(
                arguments("a;touch X", "a_touch_X"),
                arguments("$(id)", "__id_"),
                arguments("`id`", "_id_"),
                arguments("a'b\"c", "a_b_c"),
                arguments("a b", "a_b"),
                arguments("a\\b", "a_b"),
                arguments("x|y&z>w<v", "x_y_z_w_v"),
                arguments("*?[]{}~#^()$", "____________"),
                arguments("${IFS}", "__IFS_"),
                arguments("../etc", "../etc"),
                arguments("--help", "_--help"),
                arguments("-", "_-"),
                arguments("", ""),
                arguments("u@h:1,2.3/4=5+6!%", "u@h:1,2.3/4=5+6!%"));
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void onlyTheSafeCharactersSurvive(String hostile, String cleaned) {
        assertThat(ShellSafe.clean(hostile)).isEqualTo(cleaned);
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void aClientsValueLosesItsSlashesToo(String hostile, String cleaned) {
        assertThat(ShellSafe.cleanFromClient(hostile)).isEqualTo(cleaned.replace('/', '_'));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\ntouch X", "a\rtouch X", "a\ttouch X", "a\0touch X"})
    void controlCharactersBecomeUnderscores(String hostile) {
        assertThat(ShellSafe.clean(hostile)).isEqualTo("a_touch_X");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD83D\uDE00", "\u00e9", "\u202e", "\uFF04"})
    void oneNonAsciiCharacterIsOneUnderscore(String character) {
        assertThat(ShellSafe.clean("a" + character + "b")).isEqualTo("a_b");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 255, 256, 10_000})
    void valuesAreCutAtTheCap(int length) {
        assertThat(ShellSafe.clean("x".repeat(length))).hasSize(Math.min(length, ShellSafe.MAX_LENGTH));
    }

    @ParameterizedTest
    @ValueSource(ints = {254, 255, 256})
    void anOptionPrefixAlsoCountsTowardsTheCap(int length) {
        assertThat(ShellSafe.clean("-".repeat(length))).startsWith("_-").hasSizeLessThanOrEqualTo(ShellSafe.MAX_LENGTH);
    }
}
