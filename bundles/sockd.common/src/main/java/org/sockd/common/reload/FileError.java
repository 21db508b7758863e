package org.sockd.common.reload;

import java.util.Objects;

/**
 * One error found in a configuration file.
 *
 * @param source the file name
 * @param line the 1-based line, or 0 when the error concerns the whole file
 * @param reason what is wrong, in the classic wording where one exists
 */
public record FileError(String source, int line, String reason) {

    /** Checks that source and reason are given. */
    public FileError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return {@code file:line: reason}, the form compilers use, so editors can jump to it */
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + reason : source + ": " + reason;
    }
}
