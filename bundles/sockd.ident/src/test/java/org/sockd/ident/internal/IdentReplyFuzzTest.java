package org.sockd.ident.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.sockd.api.ident.IdentResult;

/**
 * Coverage-guided: any answer line gives a user, a refusal or an unusable answer, never an
 * exception, and a user-id or opsys is never empty or padded with blanks (README "Fuzzing").
 */
class IdentReplyFuzzTest {

    /** The ports of the query the answers are checked against: the example of RFC 1413. */
    private static final int CLIENT_PORT = 6191;
    private static final int SERVER_PORT = 23;
    /** Longer than the longest line the exchange hands over, with room to spare. */
    private static final int MAX_LINE = 2048;

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] answer) {
        // The exchange reads octets and hands the line over as ISO-8859-1, so every byte is possible.
        String line = new String(answer, 0, Math.min(answer.length, MAX_LINE), ISO_8859_1);
        switch (IdentReply.parse(line, CLIENT_PORT, SERVER_PORT)) {
            case IdentResult.User user -> {
                assertUnpadded(user.opsys());
                assertUnpadded(user.userId());
            }
            case IdentResult.NoUser noUser -> assertUnpadded(noUser.error());
            case IdentResult.Unreachable unreachable -> assertThat(unreachable.reason()).isNotEmpty();
        }
    }

    private static void assertUnpadded(String field) {
        assertThat(field).isNotEmpty().doesNotStartWith(" ").doesNotStartWith("\t").doesNotEndWith(" ").doesNotEndWith("\t");
    }
}
