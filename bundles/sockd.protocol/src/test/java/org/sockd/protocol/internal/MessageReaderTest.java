package org.sockd.protocol.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.protocol.internal.Bytes.hex;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class MessageReaderTest {

    private final LengthPrefixed decoder = new LengthPrefixed();

    @Test
    void readsTheMessageAndLeavesWhatFollows() throws IOException {
        PacedInputStream in = PacedInputStream.whole(hex("02 0a 0b 0c 0d"));

        assertThat(MessageReader.read(in, decoder)).isEqualTo(new Decoded.Done<>("[10, 11]", 3));
        assertThat(in.readAllBytes()).isEqualTo(hex("0c 0d"));
    }

    @Test
    void readsOneByteAtATime() throws IOException {
        PacedInputStream in = PacedInputStream.oneByteAtATime(hex("03 0a 0b 0c 0d"));

        assertThat(MessageReader.read(in, decoder)).isEqualTo(new Decoded.Done<>("[10, 11, 12]", 4));
        assertThat(in.consumed()).isEqualTo(4);
    }

    @Test
    void stopsReadingAtAMalformedMessage() throws IOException {
        PacedInputStream in = PacedInputStream.whole(hex("09 0a 0b"));

        assertThat(MessageReader.read(in, decoder)).isEqualTo(new Decoded.Malformed<String>(1, "too long"));
        assertThat(in.consumed()).isEqualTo(1);
    }

    @Test
    void anEndOfStreamBeforeTheEndOfTheMessageIsNeedMore() throws IOException {
        assertThat(MessageReader.read(PacedInputStream.whole(hex("03 0a")), decoder))
                .isEqualTo(new Decoded.NeedMore<String>(2));
        assertThat(MessageReader.read(PacedInputStream.whole(new byte[0]), decoder))
                .isEqualTo(new Decoded.NeedMore<String>(1));
    }
}
