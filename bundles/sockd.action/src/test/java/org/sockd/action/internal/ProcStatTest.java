package org.sockd.action.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void fieldsAreCountedFromTheLastParenthesisOfTheCommandName() {
        ProcStat stat = ProcStat.parse("4711 (a) S 1 2 (b) R 1 4700 4701 0 -1 4194560 103 0 0 0");
        assertThat(stat).isEqualTo(new ProcStat('R', 4701));
        assertThat(stat.ended()).isFalse();
    }

    @Test
    void aZombieHasEnded() {
        assertThat(ProcStat.parse("12 (sleep) Z 1 12 12 0 -1").ended()).isTrue();
    }

    @Test
    void theDaemonItselfIsReadAndANonexistentProcessIsEmpty() throws Exception {
        assertThat(ProcStat.read(ProcessHandle.current().pid())).hasValueSatisfying(stat -> assertThat(stat.ended()).isFalse());
        assertThat(ProcStat.read(Long.MAX_VALUE)).isEmpty();
    }
}
