package org.sockd.route.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.sockd.common.frozen.FrozenException;
import org.sockd.common.frozen.FrozenFrame;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.LoadResult;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.common.text.SyntaxException;

/**
 * Reads a frozen route file: checks magic, version, length and checksum first, then decodes every
 * entry with the same checks the text parser makes. Anything wrong refuses the whole file.
 */
final class FrozenRouteReader {

    private FrozenRouteReader() {
    }

    /** @param file the frozen file's name, for the table and for errors */
    static LoadResult<RouteTable> read(String file, byte[] bytes) {
        try {
            return new LoadResult.Valid<>(decode(file, FrozenRouteFormat.FRAME.body(bytes)));
        } catch (FrozenException | SyntaxException | IOException | IllegalArgumentException e) {
            return LoadResult.invalid(new FileError(file, 0, "frozen file refused: " + e.getMessage()));
        }
    }

    private static RouteTable decode(String file, DataInputStream in)
            throws IOException, FrozenException, SyntaxException {
        String source = in.readUTF();
        // the dump writes the name into a comment line, which a line break would end early
        if (source.indexOf('\n') >= 0 || source.indexOf('\r') >= 0) {
            throw new FrozenException("the name of the text file holds a line break");
        }
        int count = FrozenFrame.count(in);
        List<RouteLine> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int line = in.readInt();
            if (line < 1) {
                throw new FrozenException("impossible line number " + line);
            }
            try {
                lines.add(RouteParser.checked(line, address(in), destination(in)));
            } catch (SyntaxException e) {
                throw new SyntaxException("line " + line + " of " + source + ": " + e.getMessage());
            }
        }
        if (in.available() != 0) {
            throw new FrozenException(in.available() + " bytes after the last entry");
        }
        return new RouteTable(source, file, lines);
    }

    private static Destination destination(DataInputStream in) throws IOException, FrozenException, SyntaxException {
        int kind = in.readUnsignedByte();
        return switch (kind) {
            case FrozenRouteFormat.NETWORK -> new Destination.Network(address(in), address(in));
            case FrozenRouteFormat.HOST, FrozenRouteFormat.ZONE -> {
                String name = in.readUTF();
                Destination parsed = Names.parse(name);
                if ((parsed instanceof Destination.Zone) != (kind == FrozenRouteFormat.ZONE)) {
                    throw new FrozenException("name " + quoted(name) + " does not fit its kind " + kind);
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
        return AddressLiterals.byAddress(in.readNBytes(length));
    }
}
