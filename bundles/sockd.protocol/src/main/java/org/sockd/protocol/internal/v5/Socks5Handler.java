package org.sockd.protocol.internal.v5;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.sockd.api.ClientInfo;
import org.sockd.api.auth.Authentication;
import org.sockd.api.auth.Authenticator;
import org.sockd.api.protocol.DatagramCodec;
import org.sockd.api.protocol.Handshake;
import org.sockd.api.protocol.ProtocolHandler;
import org.sockd.api.protocol.Reply;
import org.sockd.api.protocol.SocksRequest;
import org.sockd.protocol.internal.Decoded;
import org.sockd.protocol.internal.MessageReader;
import org.sockd.protocol.internal.Wire;

/** SOCKS 5 (RFC 1928). Public only because SCR instantiates components through public constructors. */
@Component(service = ProtocolHandler.class)
public final class Socks5Handler implements ProtocolHandler {

    private final MethodNegotiation negotiation = new MethodNegotiation();
    private final Socks5RequestDecoder decoder = new Socks5RequestDecoder();
    private final Optional<DatagramCodec> datagrams = Optional.of(new Socks5Datagrams());

    @Override
    public int version() {
        return 5;
    }

    @Override
    public Handshake handshake(InputStream in, OutputStream out, ClientInfo client, List<Authenticator> authenticators)
            throws IOException {
        return switch (negotiation.negotiate(in, out, authenticators)) {
            case MethodNegotiation.Outcome.Failed failed -> new Handshake.Rejected(failed.reason());
            case MethodNegotiation.Outcome.Open open -> readRequest(in, out, null);
            case MethodNegotiation.Outcome.Chosen chosen -> switch (chosen.authenticator().authenticate(in, out, client)) {
                case Authentication.Accepted accepted -> readRequest(in, out, accepted.user());
                case Authentication.Rejected rejected -> new Handshake.Rejected("authentication failed"
                        + (rejected.user() == null ? "" : " for user " + rejected.user()) + ": " + rejected.reason());
            };
        };
    }

    @Override
    public void reply(OutputStream out, SocksRequest request, Reply reply) throws IOException {
        Wire.send(out, Socks5Replies.encode(reply));
    }

    @Override
    public Optional<DatagramCodec> datagrams() {
        return datagrams;
    }

    private Handshake readRequest(InputStream in, OutputStream out, String authenticatedUser) throws IOException {
        return switch (MessageReader.read(in, decoder)) {
            case Decoded.Done<SocksRequest> done -> new Handshake.Received(done.message(), authenticatedUser);
            case Decoded.Malformed<SocksRequest> malformed -> {
                Wire.send(out, Socks5Replies.failure(malformed.replyCode()));
                yield new Handshake.Rejected(malformed.reason());
            }
            // A client that hangs up mid-request gets no reply.
            case Decoded.NeedMore<SocksRequest> eof -> new Handshake.Rejected("truncated request");
        };
    }
}
