package org.sockd.upstream.internal;

import java.util.Objects;

/**
 * One error found in a socks.conf, or in a file one of its lines names.
 *
 * @param source the socks.conf file name
 * @param line the 1-based line, or 0 when the error concerns the whole file
 * @param reason what is wrong, in the classic wording where one exists
 */
record SocksConfError(String source, int line, String reason) {

    SocksConfError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return {@code file:line: reason}, the form compilers use, so editors can jump to it */
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + reason : source + ": " + reason;
    }
}
