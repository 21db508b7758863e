package org.sockd.admin.internal;

import java.nio.charset.StandardCharsets;

/**
 * The admin protocol, both sides of it. The client sends one command line in UTF-8 ended by a
 * line feed (or by closing its side), at most {@value #MAX_REQUEST_BYTES} bytes. The daemon
 * answers with lines: {@code out TEXT} for each line of standard output, {@code err TEXT} for each
 * line of standard error, then {@code exit N} (0 done, 1 failed) and closes. A prefix on every
 * line keeps output that looks like a status line from being taken for one, and the final line
 * tells a complete answer from one cut short.
 */
final class Wire {

    static final int MAX_REQUEST_BYTES = 8192;

    private static final String OUT = "out ";
    private static final String ERR = "err ";
    private static final String EXIT = "exit ";

    private Wire() {
    }

    /** A line of an answer, as the client reads it. */
    sealed interface Line {
    }

    record Out(String text) implements Line {
    }

    record Err(String text) implements Line {
    }

    record Exit(int status) implements Line {
    }

    /** @param text a line that belongs to no answer: the peer is no sockd admin channel */
    record Unknown(String text) implements Line {
    }

    static byte[] request(String commandLine) {
        return (commandLine + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encode(Answer answer) {
        StringBuilder text = new StringBuilder();
        lines(text, OUT, answer.out());
        lines(text, ERR, answer.err());
        text.append(EXIT).append(answer.status()).append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @param line a line of an answer without its line feed */
    static Line decode(String line) {
        if (line.startsWith(OUT)) {
            return new Out(line.substring(OUT.length()));
        }
        if (line.startsWith(ERR)) {
            return new Err(line.substring(ERR.length()));
        }
        if (line.equals(EXIT + Answer.DONE) || line.equals(EXIT + Answer.FAILED)) {
            return new Exit(line.charAt(EXIT.length()) - '0');
        }
        return new Unknown(line);
    }

    /** Text that ends with a line feed gives no empty last line; text without one still ends its line. */
    private static void lines(StringBuilder into, String prefix, String text) {
        if (text.isEmpty()) {
            return;
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\n", -1)) {
            into.append(prefix).append(line).append('\n');
        }
    }
}
