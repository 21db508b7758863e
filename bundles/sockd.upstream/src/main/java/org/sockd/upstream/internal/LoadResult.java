package org.sockd.upstream.internal;

import java.util.List;
import java.util.Objects;

/** The outcome of reading a socks.conf: all of it, or none of it. */
sealed interface LoadResult {

    /** Every line was valid. */
    record Loaded(SocksTable table) implements LoadResult {
        public Loaded {
            Objects.requireNonNull(table, "table");
        }
    }

    /** At least one line was invalid, so the file is refused as a whole. */
    record Invalid(List<SocksConfError> errors) implements LoadResult {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid file has at least one error");
            }
        }
    }
}
