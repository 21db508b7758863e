package org.sockd.upstream.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sockd.common.frozen.FrozenException;
import org.sockd.common.frozen.FrozenFrame;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.LoadResult;
import org.sockd.common.rules.RuleFileRead;

/**
 * The frozen form of a socks.conf, classic {@code socks.fc}: a {@link FrozenFrame} with magic
 * "SOCKS-FC" around the text file's name and its meaningful lines in canonical form, each with its
 * line number. Reading parses those lines again with the daemon's settings, so the user and
 * password files they name are read afresh and a frozen file is checked as strictly as the text.
 */
final class FrozenSocksConf {

    static final int VERSION = 1;
    static final FrozenFrame FRAME = new FrozenFrame("SOCKS-FC", VERSION, "socks.conf", "lines", "make-socksfc");

    private FrozenSocksConf() {
    }

    static byte[] write(SocksTable table) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(body);
            out.writeUTF(table.source());
            out.writeInt(table.canonical().size());
            for (NumberedLine line : table.canonical()) {
                out.writeInt(line.number());
                out.writeUTF(line.text());
            }
            return FRAME.frame(body.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array cannot fail
        }
    }

    static LoadResult<SocksTable> read(Path frozen, ParseSettings settings, Consumer<String> notices) {
        return RuleFileRead.bytes(frozen, "frozen socks.conf", bytes -> read(frozen, bytes, settings, notices));
    }

    private static LoadResult<SocksTable> read(Path frozen, byte[] bytes, ParseSettings settings,
            Consumer<String> notices) {
        String source;
        List<NumberedLine> lines = new ArrayList<>();
        try (DataInputStream in = FRAME.body(bytes)) {
            source = in.readUTF();
            int count = FrozenFrame.count(in);
            int previous = 0;
            for (int i = 0; i < count; i++) {
                int number = in.readInt();
                if (number <= previous) {
                    throw new FrozenException("line " + number + " after line " + previous);
                }
                lines.add(new NumberedLine(number, in.readUTF()));
                previous = number;
            }
            if (in.available() != 0) {
                throw new FrozenException(in.available() + " bytes after the last line");
            }
        } catch (FrozenException | IOException e) {
            return refused(frozen, "frozen file refused: " + e.getMessage());
        }
        return SocksConfParser.parseLines(source, lines, settings, notices).fold(
                table -> new LoadResult.Valid<>(table.readFrom(frozen.toString())),
                errors -> new LoadResult.Invalid<>(errors.stream()
                        .map(error -> new FileError(error.source(), error.line(),
                                "in the frozen file " + frozen + ": " + error.reason()))
                        .toList()));
    }

    private static LoadResult<SocksTable> refused(Path frozen, String reason) {
        return LoadResult.invalid(new FileError(frozen.toString(), 0, reason));
    }
}
