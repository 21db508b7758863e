package org.sockd.protocol.internal.proxy;

import java.io.IOException;
import java.io.InputStream;
import org.osgi.service.component.annotations.Component;
import org.sockd.api.protocol.ProxyHeader;
import org.sockd.api.protocol.ProxyHeaderReader;
import org.sockd.protocol.internal.Decoded;
import org.sockd.protocol.internal.MessageReader;

/** PROXY protocol versions 1 and 2. Public only because SCR instantiates components through public constructors. */
@Component(service = ProxyHeaderReader.class)
public final class ProxyProtocolReader implements ProxyHeaderReader {

    private final ProxyHeaderDecoder decoder = new ProxyHeaderDecoder();

    @Override
    public ProxyHeader read(InputStream in) throws IOException {
        return switch (MessageReader.read(in, decoder)) {
            case Decoded.Done<ProxyHeader> done -> done.message();
            case Decoded.Malformed<ProxyHeader> malformed -> new ProxyHeader.Malformed(malformed.reason());
            case Decoded.NeedMore<ProxyHeader> eof -> new ProxyHeader.Malformed("the connection ended before the header did");
        };
    }
}
