package org.sockd.common.reload;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of reading a configuration file: all of it, or none of it.
 *
 * @param <T> what a valid file gives
 */
public sealed interface LoadResult<T> {

    /**
     * Every line was valid.
     *
     * @param content what the file gives
     */
    record Valid<T>(T content) implements LoadResult<T> {
        /** Checks that there is content. */
        public Valid {
            Objects.requireNonNull(content, "content");
        }
    }

    /**
     * At least one line was invalid, so the file is refused as a whole.
     *
     * @param errors every error found, at least one
     */
    record Invalid<T>(List<FileError> errors) implements LoadResult<T> {
        /** Copies the errors and checks that there is one. */
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid file has at least one error");
            }
        }
    }

    /** @return a file refused for this one error */
    static <T> LoadResult<T> invalid(FileError error) {
        return new Invalid<>(List.of(error));
    }

    /** @return what {@code valid} makes of the content, or {@code invalid} of the errors */
    default <R> R fold(Function<? super T, ? extends R> valid, Function<List<FileError>, ? extends R> invalid) {
        return switch (this) {
            case Valid<T> v -> valid.apply(v.content());
            case Invalid<T> i -> invalid.apply(i.errors());
        };
    }
}
