package org.sockd.common.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import org.sockd.common.files.BoundedRead;
import org.sockd.common.files.IoReason;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.LoadResult;

/**
 * Reads a whole rule file, text or frozen, before it is parsed; a file that cannot be read is
 * refused like one with errors, in the classic words: {@code Unable to open <what> (<file>): <reason>}.
 */
public final class RuleFileRead {

    /** Some 500,000 rules; a bigger file is a mistake (a log named instead of the rules), not a rule file. */
    public static final int MAX_FILE_BYTES = 32 << 20;

    private RuleFileRead() {
    }

    /**
     * ISO-8859-1 maps every byte to one character, as the C daemons saw the file: no byte sequence
     * is rejected and a line limit counts bytes.
     *
     * @param what names the file in the message, e.g. "config file"
     * @param parse parses the text
     */
    public static <T> LoadResult<T> text(Path file, String what, Function<String, LoadResult<T>> parse) {
        String text;
        try {
            text = new String(BoundedRead.regularFile(file, MAX_FILE_BYTES), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return unreadable(file, what, e);
        }
        return parse.apply(text);
    }

    /**
     * @param what names the file in the message, e.g. "frozen file"
     * @param read reads the bytes of a frozen file
     */
    public static <T> LoadResult<T> bytes(Path file, String what, Function<byte[], LoadResult<T>> read) {
        byte[] bytes;
        try {
            bytes = BoundedRead.regularFile(file, MAX_FILE_BYTES);
        } catch (IOException e) {
            return unreadable(file, what, e);
        }
        return read.apply(bytes);
    }

    private static <T> LoadResult<T> unreadable(Path file, String what, IOException e) {
        return LoadResult.invalid(new FileError(file.toString(), 0,
                "Unable to open " + what + " (" + file + "): " + IoReason.of(e)));
    }
}
