package org.sockd.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockd.auth.internal.Rfc1929Request.Credentials;

/**
 * Decoding the RFC 1929 request from a stream that delivers it in pieces (each read stops at a
 * piece's end, as a socket read stops at a segment's end).
 */
class Rfc1929RequestTest {

    /** What the client pipelines after the request: the SOCKS 5 request, which is not ours to read. */
    private static final byte[] NEXT = {5, 1, 0, 1};

    @Test
    void decodesTheSameAtEverySplitIntoTwoReads() throws IOException {
        byte[] request = Fixtures.request("alice", "wonderland");
        byte[] stream = concat(request, NEXT);
        for (int split = 0; split <= stream.length; split++) {
            InputStream in = pieces(Arrays.copyOfRange(stream, 0, split), Arrays.copyOfRange(stream, split, stream.length));
            assertCredentials(Rfc1929Request.read(in), "alice", "wonderland");
            assertThat(in.readAllBytes()).as("left after a split at %d", split).isEqualTo(NEXT);
        }
    }

    @Test
    void decodesTheSameOneByteAtATime() throws IOException {
        byte[] stream = concat(Fixtures.request("bob", "pässwörd"), NEXT);
        List<byte[]> bytes = new ArrayList<>();
        for (byte b : stream) {
            bytes.add(new byte[] {b});
        }
        InputStream in = pieces(bytes.toArray(byte[][]::new));

        assertCredentials(Rfc1929Request.read(in), "bob", "pässwörd");
        assertThat(in.readAllBytes()).isEqualTo(NEXT);
    }

    @Test
    void aStreamEndingAnywhereInsideTheRequestIsTruncated() throws IOException {
        byte[] request = Fixtures.request("alice", "wonderland");
        for (int length = 0; length < request.length; length++) {
            assertThat(Rfc1929Request.read(new ByteArrayInputStream(request, 0, length)))
                    .as("%d of %d bytes", length, request.length)
                    .isInstanceOf(Rfc1929Request.Truncated.class);
        }
    }

    @Test
    void anotherVersionIsReportedWithoutReadingFurther() throws IOException {
        InputStream in = new ByteArrayInputStream(new byte[] {5, 5, 'a', 'l', 'i', 'c', 'e'});
        assertThat(Rfc1929Request.read(in)).isEqualTo(new Rfc1929Request.UnknownVersion(5));
        assertThat(in.readAllBytes()).hasSize(6);
    }

    @Test
    void lengthsOfZeroAreReadAsSent() throws IOException {
        InputStream in = new ByteArrayInputStream(new byte[] {1, 0, 0, 9});
        assertCredentials(Rfc1929Request.read(in), "", "");
        assertThat(in.read()).isEqualTo(9);
    }

    @Test
    void lengthsAreUnsignedUpTo255() throws IOException {
        String user = "u".repeat(128);
        String password = "p".repeat(255);
        assertCredentials(Rfc1929Request.read(new ByteArrayInputStream(Fixtures.request(user, password))), user, password);
    }

    @Test
    void closingClearsThePasswordAndNothingShowsIt() throws IOException {
        Credentials credentials = (Credentials) Rfc1929Request.read(
                new ByteArrayInputStream(Fixtures.request("alice", Fixtures.CANARY)));
        assertThat(credentials.toString()).doesNotContain(Fixtures.CANARY);

        credentials.close();

        assertThat(credentials.password()).containsOnly(0);
    }

    private static void assertCredentials(Rfc1929Request request, String user, String password) {
        assertThat(request).isInstanceOfSatisfying(Credentials.class, credentials -> {
            assertThat(new String(credentials.user(), StandardCharsets.UTF_8)).isEqualTo(user);
            assertThat(new String(credentials.password(), StandardCharsets.UTF_8)).isEqualTo(password);
        });
    }

    private static InputStream pieces(byte[]... pieces) {
        List<InputStream> streams = Arrays.stream(pieces)
                .map(piece -> (InputStream) new ByteArrayInputStream(piece))
                .toList();
        return new SequenceInputStream(Collections.enumeration(streams));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
