package org.sockd.auth.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sockd.auth.internal.Rfc1929Request.Credentials;

/**
 * Coverage-guided: any bytes, arriving in reads whose sizes come from the fuzzer, give the request
 * the whole stream gives, and the reader takes no byte past the request (README "Fuzzing").
 */
class Rfc1929RequestFuzzTest {

    /** VER ULEN UNAME PLEN PASSWD at their longest. */
    private static final int MAX_REQUEST = 1 + 1 + 255 + 1 + 255;

    @FuzzTest(maxDuration = "10m")
    void read(FuzzedDataProvider data) throws IOException {
        // Message bytes from the front of the input, read sizes from its back (one byte each when it runs out).
        byte[] stream = data.consumeBytes(MAX_REQUEST + 1);
        InputStream whole = new ByteArrayInputStream(stream);
        InputStream pieces = inPieces(stream, data);

        Rfc1929Request expected = Rfc1929Request.read(whole);
        Rfc1929Request actual = Rfc1929Request.read(pieces);

        assertThat(describe(actual)).isEqualTo(describe(expected));
        int consumed = stream.length - whole.available();
        assertThat(stream.length - pieces.readAllBytes().length).as("bytes taken").isEqualTo(consumed);
        switch (expected) {
            case Credentials credentials -> assertThat(consumed).isEqualTo(3 + credentials.user().length + credentials.password().length);
            case Rfc1929Request.UnknownVersion unknown -> assertThat(consumed).isEqualTo(1);
            case Rfc1929Request.Truncated truncated -> assertThat(consumed).isEqualTo(stream.length);
        }
    }

    /** Credentials have no equals, and their toString hides the password on purpose. */
    private static String describe(Rfc1929Request request) {
        return request instanceof Credentials credentials
                ? new String(credentials.user(), ISO_8859_1) + "\0"
                        + new String(credentials.password(), ISO_8859_1)
                : request.toString();
    }

    /** Each read stops at the end of a piece, as a socket read stops at the end of a segment. */
    private static InputStream inPieces(byte[] stream, FuzzedDataProvider data) {
        List<InputStream> pieces = new ArrayList<>();
        for (int offset = 0; offset < stream.length; ) {
            int size = data.consumeInt(1, stream.length - offset);
            pieces.add(new ByteArrayInputStream(stream, offset, size));
            offset += size;
        }
        return new SequenceInputStream(Collections.enumeration(pieces));
    }
}
