package org.sockd.admin.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Coverage-guided: every answer line the client may meet reads as one of the four kinds (README "Fuzzing"). */
class AnswerLineFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void decode(byte[] bytes) {
        String line = new String(bytes, UTF_8);
        switch (Wire.decode(line)) {
            case Wire.Out out -> assertThat(line).isEqualTo("out " + out.text());
            case Wire.Err err -> assertThat(line).isEqualTo("err " + err.text());
            case Wire.Exit exit -> assertThat(line).isEqualTo("exit " + exit.status());
            case Wire.Unknown unknown -> assertThat(unknown.text()).isEqualTo(line);
        }
    }
}
