package org.sockd.protocol.internal.v5;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.sockd.protocol.internal.Decoded;
import org.sockd.protocol.internal.MessageReader;
import org.sockd.protocol.internal.Wire;

/** The SOCKS 5 method stage: reads the greeting, picks a method and answers it. */
final class MethodNegotiation {

    static final int NO_AUTHENTICATION = 0x00;
    static final int NO_ACCEPTABLE = 0xFF;

    /** The server's preference, best first; authenticators add their methods here. */
    private static final List<Integer> SUPPORTED = List.of(NO_AUTHENTICATION);

    private final GreetingDecoder decoder = new GreetingDecoder();

    /** The outcome of the method stage. */
    sealed interface Outcome {
        /** @param method the method both sides now speak */
        record Agreed(int method) implements Outcome {
        }

        /** @param reason why the client cannot go on, for the log */
        record Failed(String reason) implements Outcome {
        }
    }

    Outcome negotiate(InputStream in, OutputStream out) throws IOException {
        // A greeting never decodes as Malformed: any count and any method codes are well-formed.
        if (!(MessageReader.read(in, decoder) instanceof Decoded.Done<Greeting> done)) {
            return new Outcome.Failed("truncated greeting");
        }
        int method = choose(done.message());
        Wire.send(out, new byte[] {5, (byte) method});
        return method == NO_ACCEPTABLE
                ? new Outcome.Failed("no acceptable authentication method")
                : new Outcome.Agreed(method);
    }

    /** @return the first supported method the client offered, or {@link #NO_ACCEPTABLE} */
    static int choose(Greeting greeting) {
        return SUPPORTED.stream().filter(greeting.methods()::contains).findFirst().orElse(NO_ACCEPTABLE);
    }
}
