package org.sockd.protocol.internal.v5;

import java.util.ArrayList;
import java.util.List;
import org.sockd.protocol.internal.Decoded;
import org.sockd.protocol.internal.Decoder;
import org.sockd.protocol.internal.Wire;

/**
 * Decodes NMETHODS and METHODS; the core has already read VER. Zero methods decode to an empty
 * greeting, which no method negotiation can accept.
 */
final class GreetingDecoder implements Decoder<Greeting> {

    @Override
    public int cap() {
        return 1 + 255;
    }

    @Override
    public Decoded<Greeting> decode(byte[] buffer, int length) {
        if (length < 1) {
            return new Decoded.NeedMore<>(1);
        }
        int count = Wire.u8(buffer, 0);
        if (length < 1 + count) {
            return new Decoded.NeedMore<>(1 + count - length);
        }
        List<Integer> methods = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            methods.add(Wire.u8(buffer, i));
        }
        return new Decoded.Done<>(new Greeting(methods), 1 + count);
    }
}
