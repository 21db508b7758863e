package org.sockd.route.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a frozen route file: checks magic, version, length and checksum first, then decodes every
 * entry with the same checks the text parser makes. Anything wrong refuses the whole file.
 */
final class FrozenRouteReader {

    private FrozenRouteReader() {
    }

    /** @param file the frozen file's name, for the table and for errors */
    static LoadResult read(String file, byte[] bytes) {
        try {
            return new LoadResult.Loaded(decode(file, body(bytes)));
        } catch (FrozenException | RouteSyntaxException | IOException | IllegalArgumentException e) {
            return new LoadResult.Invalid(List.of(new RouteError(file, 0, "frozen file refused: " + e.getMessage())));
        }
    }

    private static DataInputStream body(byte[] bytes) throws FrozenException {
        if (!FrozenRouteFormat.looksFrozen(bytes)) {
            throw new FrozenException("not a frozen route file (no SOCKD-FR header)");
        }
        if (bytes.length < FrozenRouteFormat.HEADER) {
            throw new FrozenException("truncated header");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, FrozenRouteFormat.MAGIC.length,
                FrozenRouteFormat.HEADER - FrozenRouteFormat.MAGIC.length);
        int version = Short.toUnsignedInt(header.getShort());
        if (version != FrozenRouteFormat.VERSION) {
            throw new FrozenException("format version " + version + ", this sockd reads version "
                    + FrozenRouteFormat.VERSION + "; make it again from the text file with bin/sockd make-fr");
        }
        int length = header.getInt();
        int checksum = header.getInt();
        if (length < 0 || length != bytes.length - FrozenRouteFormat.HEADER) {
            throw new FrozenException("the file holds " + (bytes.length - FrozenRouteFormat.HEADER)
                    + " bytes of routes, its header says " + Integer.toUnsignedString(length) + " (truncated or damaged)");
        }
        if (FrozenRouteFormat.checksum(bytes, FrozenRouteFormat.HEADER, length) != checksum) {
            throw new FrozenException("checksum mismatch (the file is damaged)");
        }
        return new DataInputStream(new ByteArrayInputStream(bytes, FrozenRouteFormat.HEADER, length));
    }

    private static RouteTable decode(String file, DataInputStream in)
            throws IOException, FrozenException, RouteSyntaxException {
        String source = in.readUTF();
        int count = in.readInt();
        // A count can never exceed the bytes left: a damaged count must not make us allocate.
        if (count < 0 || count > in.available()) {
            throw new FrozenException("impossible entry count " + count);
        }
        List<RouteLine> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int line = in.readInt();
            if (line < 1) {
                throw new FrozenException("impossible line number " + line);
            }
            try {
                lines.add(RouteParser.checked(line, address(in), destination(in)));
            } catch (RouteSyntaxException e) {
                throw new RouteSyntaxException("line " + line + " of " + source + ": " + e.getMessage());
            }
        }
        if (in.available() != 0) {
            throw new FrozenException(in.available() + " bytes after the last entry");
        }
        return new RouteTable(source, file, lines);
    }

    private static Destination destination(DataInputStream in) throws IOException, FrozenException, RouteSyntaxException {
        int kind = in.readUnsignedByte();
        return switch (kind) {
            case FrozenRouteFormat.NETWORK -> new Destination.Network(address(in), address(in));
            case FrozenRouteFormat.HOST, FrozenRouteFormat.ZONE -> {
                String name = in.readUTF();
                Destination parsed = Names.parse(name);
                if ((parsed instanceof Destination.Zone) != (kind == FrozenRouteFormat.ZONE)) {
                    throw new FrozenException("name " + RouteSyntaxException.quoted(name) + " does not fit its kind " + kind);
                }
                yield parsed;
            }
            default -> throw new FrozenException("unknown destination kind " + kind);
        };
    }

    private static InetAddress address(DataInputStream in) throws IOException, FrozenException {
        int length = in.readUnsignedByte();
        if (length != 4 && length != 16) {
            throw new FrozenException("an address of " + length + " bytes");
        }
        return AddressText.byAddress(in.readNBytes(length));
    }

    /** Something in the frozen bytes that the writer can never have produced. */
    private static final class FrozenException extends Exception {
        private static final long serialVersionUID = 1L;

        FrozenException(String message) {
            super(message);
        }
    }
}
