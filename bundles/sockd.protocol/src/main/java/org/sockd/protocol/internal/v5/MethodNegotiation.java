package org.sockd.protocol.internal.v5;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.sockd.api.auth.Authenticator;
import org.sockd.protocol.internal.Decoded;
import org.sockd.protocol.internal.MessageReader;
import org.sockd.protocol.internal.Wire;

/** The SOCKS 5 method stage: reads the greeting, picks a method and answers it. */
final class MethodNegotiation {

    static final int NO_AUTHENTICATION = 0x00;
    static final int NO_ACCEPTABLE = 0xFF;

    private final GreetingDecoder decoder = new GreetingDecoder();

    /** The outcome of the method stage. */
    sealed interface Outcome {
        /** No authentication is required and the client offered "no authentication". */
        record Open() implements Outcome {
        }

        /** @param authenticator the method both sides now speak */
        record Chosen(Authenticator authenticator) implements Outcome {
        }

        /** @param reason why the client cannot go on, for the log */
        record Failed(String reason) implements Outcome {
        }
    }

    /**
     * @param authenticators the required methods in order of preference; when empty, only
     *        "no authentication" is offered, and when not, "no authentication" never is
     */
    Outcome negotiate(InputStream in, OutputStream out, List<Authenticator> authenticators) throws IOException {
        // A greeting never decodes as Malformed: any count and any method codes are well-formed.
        if (!(MessageReader.read(in, decoder) instanceof Decoded.Done<Greeting> done)) {
            return new Outcome.Failed("truncated greeting");
        }
        Outcome outcome = choose(done.message(), authenticators);
        int method = switch (outcome) {
            case Outcome.Open open -> NO_AUTHENTICATION;
            case Outcome.Chosen chosen -> chosen.authenticator().method();
            case Outcome.Failed failed -> NO_ACCEPTABLE;
        };
        Wire.send(out, new byte[] {5, (byte) method});
        return outcome;
    }

    static Outcome choose(Greeting greeting, List<Authenticator> authenticators) {
        if (authenticators.isEmpty()) {
            return greeting.methods().contains(NO_AUTHENTICATION)
                    ? new Outcome.Open()
                    : new Outcome.Failed("no acceptable authentication method (offered "
                            + greeting.methods() + ", no authentication required)");
        }
        for (Authenticator authenticator : authenticators) {
            if (greeting.methods().contains(authenticator.method())) {
                return new Outcome.Chosen(authenticator);
            }
        }
        return new Outcome.Failed("no acceptable authentication method (offered " + greeting.methods()
                + ", required one of " + authenticators.stream().map(Authenticator::method).toList() + ")");
    }
}
