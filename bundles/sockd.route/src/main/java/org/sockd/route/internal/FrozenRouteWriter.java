package org.sockd.route.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;

/**
 * Writes a parsed, valid route table in its frozen form. The body holds the text file's name, the
 * entry count, then per entry: line number, interface address, destination kind and either the
 * address and mask or the name. An address is its length (4 or 16) and its bytes.
 */
final class FrozenRouteWriter {

    private FrozenRouteWriter() {
    }

    static byte[] write(RouteTable table) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(body);
            out.writeUTF(table.source());
            out.writeInt(table.lines().size());
            for (RouteLine line : table.lines()) {
                out.writeInt(line.line());
                address(out, line.local());
                switch (line.destination()) {
                    case Destination.Network network -> {
                        out.writeByte(FrozenRouteFormat.NETWORK);
                        address(out, network.address());
                        address(out, network.mask());
                    }
                    case Destination.Host host -> {
                        out.writeByte(FrozenRouteFormat.HOST);
                        out.writeUTF(host.name());
                    }
                    case Destination.Zone zone -> {
                        out.writeByte(FrozenRouteFormat.ZONE);
                        out.writeUTF(zone.suffix());
                    }
                }
            }
            return FrozenRouteFormat.FRAME.frame(body.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array cannot fail
        }
    }

    private static void address(DataOutputStream out, InetAddress address) throws IOException {
        byte[] bytes = address.getAddress();
        out.writeByte(bytes.length);
        out.write(bytes);
    }
}
