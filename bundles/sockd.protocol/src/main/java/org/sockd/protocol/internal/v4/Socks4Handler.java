package org.sockd.protocol.internal.v4;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.sockd.api.ClientInfo;
import org.sockd.api.auth.Authenticator;
import org.sockd.api.protocol.Handshake;
import org.sockd.api.protocol.ProtocolHandler;
import org.sockd.api.protocol.Reply;
import org.sockd.api.protocol.SocksRequest;
import org.sockd.protocol.internal.Decoded;
import org.sockd.protocol.internal.MessageReader;
import org.sockd.protocol.internal.Wire;

/** SOCKS 4 and 4A. Public only because SCR instantiates components through public constructors. */
@Component(service = ProtocolHandler.class)
public final class Socks4Handler implements ProtocolHandler {

    private final Socks4RequestDecoder decoder = new Socks4RequestDecoder();

    @Override
    public int version() {
        return 4;
    }

    @Override
    public Handshake handshake(InputStream in, OutputStream out, ClientInfo client, List<Authenticator> authenticators)
            throws IOException {
        return switch (MessageReader.read(in, decoder)) {
            case Decoded.Done<SocksRequest> done -> new Handshake.Received(done.message());
            case Decoded.Malformed<SocksRequest> malformed -> reject(out, malformed.replyCode(), malformed.reason());
            // SOCKS 4 answers even a cut-off request with 91 (4A draft: EOF before the NUL is a failure).
            case Decoded.NeedMore<SocksRequest> eof -> reject(out, Socks4Replies.FAILED, "truncated request");
        };
    }

    @Override
    public void reply(OutputStream out, SocksRequest request, Reply reply) throws IOException {
        Wire.send(out, Socks4Replies.encode(reply));
    }

    private static Handshake reject(OutputStream out, int cd, String reason) throws IOException {
        Wire.send(out, Socks4Replies.failure(cd));
        return new Handshake.Rejected(reason);
    }
}
