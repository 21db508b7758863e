package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * bench/soak, shortened to seconds: the same mixed CONNECT, BIND and UDP load with reloads and a
 * policy bundle coming and going, and the same counts before and after. Run for its ten minutes on
 * demand; here it shows the tool works and that a short soak leaves nothing behind.
 */
class SoakIT {

    private static final Pattern RESULT = Pattern.compile(
            "soak seconds=\\d+ connects=(\\d+) binds=(\\d+) datagrams=(\\d+) reloads=(\\d+) swaps=(\\d+) errors=(\\d+)"
                    + " fds=(\\d+)->(\\d+) threads=(\\d+)->(\\d+) direct_kib=(-?\\d+)->(-?\\d+) status=(\\w+)");

    @Test
    void aShortSoakLeavesNoDescriptorThreadOrBufferBehind() throws Exception {
        ChildProcess soak = ScriptProcess.start(
                List.of(Build.ROOT.resolve("bench/soak").toString(), "--seconds", "20", "--", "--warmup", "5"),
                Map.of("SOCKD_JAR", Build.SOCKD_JAR.toString()));

        int status = soak.awaitExit(180);

        String line = soak.output().stream().filter(text -> text.startsWith("soak ")).findFirst()
                .orElseThrow(() -> new AssertionError("no result line from bench/soak:\n" + String.join("\n", soak.output())));
        Matcher result = RESULT.matcher(line);
        assertThat(result.matches()).as(line).isTrue();
        assertThat(status).as("bench/soak's exit status; its output:\n%s", String.join("\n", soak.output())).isZero();
        assertThat(result.group(13)).isEqualTo("ok");
        assertThat(Long.parseLong(result.group(1))).as("connects").isPositive();
        assertThat(Long.parseLong(result.group(2))).as("binds").isPositive();
        assertThat(Long.parseLong(result.group(3))).as("datagrams").isPositive();
        assertThat(Long.parseLong(result.group(4))).as("reloads").isPositive();
        assertThat(Long.parseLong(result.group(5))).as("policy swaps").isPositive();
        assertThat(Long.parseLong(result.group(11))).as("direct memory counted (native memory tracking on)").isPositive();
    }
}
