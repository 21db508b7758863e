package org.sockd.core.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.sockd.api.ClientInfo;
import org.sockd.api.auth.Authentication;
import org.sockd.api.auth.Authenticator;

/**
 * An authenticator as one session uses it, whose own work is due within a deadline: the time it
 * waits for the client's bytes does not count (handshake.timeout.ms bounds that), the time after
 * the client's last byte does. Past the deadline the login fails: the client is told so
 * (username/password status 0x01) unless the authenticator has begun its own answer, and nothing
 * the authenticator writes later reaches it.
 */
record BoundedAuthenticator(Authenticator authenticator, ServiceDeadline deadline) implements Authenticator {

    /** RFC 1929: the sub-negotiation's version, and any status but 0 is a failure. */
    private static final byte[] USERNAME_PASSWORD_FAILURE = {0x01, 0x01};
    private static final int USERNAME_PASSWORD = 0x02;

    @Override
    public int method() {
        return authenticator.method();
    }

    @Override
    public Authentication authenticate(InputStream in, OutputStream out, ClientInfo client) throws IOException {
        ClientInput input = new ClientInput(in, deadline);
        Answer answer = new Answer(out);
        return deadline.ask(authenticator, input::due, () -> authenticator.authenticate(input, answer, client),
                reason -> {
                    if (answer.shut() && method() == USERNAME_PASSWORD) {
                        out.write(USERNAME_PASSWORD_FAILURE);
                        out.flush();
                    }
                    return new Authentication.Rejected(null, reason);
                });
    }

    /** The client's bytes, noting when the authenticator last had to wait for them. */
    private static final class ClientInput extends FilterInputStream {

        private final ServiceDeadline deadline;
        private volatile boolean waiting;
        private volatile long due;

        ClientInput(InputStream in, ServiceDeadline deadline) {
            super(in);
            this.deadline = deadline;
            this.due = deadline.fromNow();
        }

        /** While the authenticator waits for the client, its deadline has not begun. */
        long due() {
            return waiting ? deadline.fromNow() : due;
        }

        @Override
        public int read() throws IOException {
            waiting = true;
            try {
                return super.read();
            } finally {
                arrived();
            }
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            waiting = true;
            try {
                return super.read(bytes, offset, length);
            } finally {
                arrived();
            }
        }

        private void arrived() {
            due = deadline.fromNow();
            waiting = false;
        }
    }

    /** The authenticator's answer to the client, until its deadline passes. */
    private static final class Answer extends OutputStream {

        private final OutputStream out;
        private boolean closed;
        private boolean begun;

        Answer(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            open();
            begun = true;
            out.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            open();
            begun = true;
            out.write(bytes, offset, length);
        }

        @Override
        public synchronized void flush() throws IOException {
            open();
            out.flush();
        }

        /** @return true when the authenticator had written nothing, so that the client may be answered instead */
        synchronized boolean shut() {
            closed = true;
            return !begun;
        }

        private void open() throws IOException {
            if (closed) {
                throw new IOException("the authenticator's deadline has passed");
            }
        }
    }
}
