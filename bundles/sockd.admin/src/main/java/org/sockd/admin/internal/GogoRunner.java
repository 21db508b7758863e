package org.sockd.admin.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/**
 * Runs a command line in a Gogo session of its own, as the console would, and renders the result
 * as the console does. The session has no input: a command that asks for some reads end of file.
 */
final class GogoRunner implements CommandRunner {

    /** Gogo's search path for commands named without a scope: sockd's own first, then all others. */
    private static final String SCOPE = "sockd:*";
    /** Enough for tens of thousands of sessions in sockd:sessions; a runaway command stops here. */
    static final int MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

    private final CommandProcessor processor;

    GogoRunner(CommandProcessor processor) {
        this.processor = processor;
    }

    @Override
    public Answer run(String commandLine) throws InterruptedException {
        CappedOutput out = new CappedOutput(MAX_OUTPUT_BYTES);
        CappedOutput err = new CappedOutput(MAX_OUTPUT_BYTES);
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, err);
        try {
            session.put("SCOPE", SCOPE);
            Object result = session.execute(commandLine);
            if (result != null) {
                String formatted = session.format(result, Converter.INSPECT).toString();
                byte[] text = (formatted.endsWith("\n") ? formatted : formatted + "\n").getBytes(StandardCharsets.UTF_8);
                out.write(text, 0, text.length);
            }
            return new Answer(Answer.DONE, out.text(), err.text());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            String text = err.text();
            return new Answer(Answer.FAILED, out.text(), (text.isEmpty() || text.endsWith("\n") ? text : text + "\n")
                    + message(e));
        } finally {
            session.close();
        }
    }

    /** What went wrong, in words a person can act on. */
    static String message(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e.getClass().getSimpleName().equals("CommandNotFoundException")) {
            return message + " (help lists the commands)";
        }
        if (e instanceof IllegalArgumentException && message.startsWith("Cannot coerce")) {
            // Gogo found the command but no form of it takes these arguments
            return message + " (help " + commandName(message) + " shows what it takes)";
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return message;
        }
        return e.getClass().getName() + ": " + message;
    }

    /** @param message Gogo's "Cannot coerce kill(Token, Token) to any of [(String)]" */
    private static String commandName(String message) {
        String rest = message.substring("Cannot coerce".length()).strip();
        int end = rest.indexOf('(');
        return end > 0 ? rest.substring(0, end) : "COMMAND";
    }

    /** Keeps at most a cap of bytes and tells that the rest was dropped. */
    static final class CappedOutput extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int cap;
        private long dropped;

        CappedOutput(int cap) {
            this.cap = cap;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            int room = Math.min(length, cap - kept.size());
            kept.write(bytes, offset, room);
            dropped += length - room;
        }

        synchronized String text() {
            String text = kept.toString(StandardCharsets.UTF_8);
            return dropped == 0 ? text : text + "\n(output cut: " + dropped + " more bytes)\n";
        }
    }
}
