package org.sockd.core.internal.chain;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sockd.api.Endpoint;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.upstream.Login;
import org.sockd.common.net.AddressText;

/**
 * HTTP CONNECT as a client: {@code CONNECT host:port HTTP/1.1}, a Host header and, with a login,
 * Basic proxy authorization. A 2xx status accepts, 403 refuses, anything else is a failure.
 */
final class HttpHop {

    /** The status line and headers together; a longer head is not a proxy worth waiting for. */
    static final int MAX_HEAD = 8 * 1024;
    static final int FORBIDDEN = 403;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: [^\\r\\n]*)?\\r?\\n.*",
            Pattern.DOTALL);

    private HttpHop() {
    }

    /** Sends the request and reads the head of the answer; the bytes after it are the relay's. */
    static HopAnswer negotiate(InputStream in, OutputStream out, Endpoint sent, Login login) throws IOException {
        out.write(request(sent, login));
        out.flush();
        byte[] head = head(in);
        return head == null ? new HopAnswer.Failed("response head longer than " + MAX_HEAD + " bytes")
                : decode(new String(head, ISO_8859_1));
    }

    /** @param sent an address, or a name that passed {@link Fields#fitsHttp} */
    static byte[] request(Endpoint sent, Login login) {
        String authority = sent.isName() ? sent.host() + ":" + sent.port()
                : AddressText.of(new InetSocketAddress(sent.address(), sent.port()));
        StringBuilder request = new StringBuilder("CONNECT ").append(authority).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n");
        if (login != null) {
            String token = Base64.getEncoder().encodeToString((login.name() + ":" + login.password()).getBytes(UTF_8));
            request.append("Proxy-Authorization: Basic ").append(token).append("\r\n");
        }
        return request.append("\r\n").toString().getBytes(ISO_8859_1);
    }

    /**
     * Reads up to the blank line that ends the head, one byte at a time so that not one byte of
     * the relayed stream is taken.
     *
     * @return the head, or {@code null} when it passes {@link #MAX_HEAD}
     */
    static byte[] head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int newlines = 0;
        while (newlines < 2) {
            if (head.size() == MAX_HEAD) {
                return null;
            }
            byte[] next = HopInput.exactly(in, 1);
            head.write(next[0]);
            if (next[0] == '\n') {
                newlines++;
            } else if (next[0] != '\r') {
                newlines = 0;
            }
        }
        return head.toByteArray();
    }

    static HopAnswer decode(String head) {
        Matcher status = STATUS_LINE.matcher(head);
        if (!status.matches()) {
            return new HopAnswer.Failed("bad status line");
        }
        int code = Integer.parseInt(status.group(1));
        if (code >= 200 && code < 300) {
            return new HopAnswer.Accepted(new InetSocketAddress(Fields.address(new byte[4]), 0));
        }
        return code == FORBIDDEN ? new HopAnswer.Refused(code, Refusal.NOT_ALLOWED)
                : new HopAnswer.Failed("reply " + code);
    }
}
