package org.sockd.common.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What a command-line program prints on one of its streams, kept as UTF-8 text. Shared by the
 * tools' tests through this module's test-jar.
 */
public final class Captured {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** @return a new stream into the capture each time, so a program that closes its stream spoils no later run */
    public PrintStream stream() {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    /** @return all printed since the start or the last {@link #reset()} */
    public String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    public void reset() {
        bytes.reset();
    }
}
