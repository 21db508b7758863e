package org.sockd.common.reload;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;

/**
 * What a {@link LiveFile} needs to know about one kind of file (sockd.conf, sockd.route, a password
 * file): how to count and describe its content, and what stands in force while no valid file was
 * ever read. Made with {@link #of}, then {@link #withOrigin} and {@link #withReview} where needed.
 *
 * @param <T> what a valid file gives
 * @param noun what the entries are called in log lines, plural: "rules", "routes", "users"
 * @param size how many entries the content holds
 * @param refusing what stands in force when the file cannot be used at start, given the file and
 *        why: there is nothing older to keep, so it must refuse everything (fail closed)
 * @param whileRefusing what {@code refusing} means for clients, for the log: "refusing every request"
 * @param origin where the content was read from, for the log, given the file configured
 * @param review warns about content about to take over (empty, readable by others); never refuses it
 */
public record FileKind<T>(String noun, ToIntFunction<T> size, BiFunction<Path, List<FileError>, T> refusing,
        String whileRefusing, BiFunction<Path, T, String> origin, Review<T> review) {

    /** Looks at content about to take over, to warn; never refuses it. */
    @FunctionalInterface
    public interface Review<T> {
        /** @param log where to warn */
        void review(Path file, T content, Logger log);
    }

    /** Checks that every part is given. */
    public FileKind {
        if (Stream.of(noun, size, refusing, whileRefusing, origin, review).anyMatch(Objects::isNull)) {
            throw new NullPointerException("a file kind needs every part: noun, size, refusing, whileRefusing,"
                    + " origin and review");
        }
    }

    /** @return a kind whose content comes from the file configured and is never warned about */
    public static <T> FileKind<T> of(String noun, ToIntFunction<T> size, BiFunction<Path, List<FileError>, T> refusing,
            String whileRefusing) {
        return new FileKind<>(noun, size, refusing, whileRefusing, (file, content) -> file.toString(),
                (file, content, log) -> { });
    }

    /** @return this kind, with content that may come from another file than the one configured (a frozen twin) */
    public FileKind<T> withOrigin(BiFunction<Path, T, String> readFrom) {
        return new FileKind<>(noun, size, refusing, whileRefusing, readFrom, review);
    }

    /** @return this kind, with content looked at before it takes over */
    public FileKind<T> withReview(Review<T> check) {
        return new FileKind<>(noun, size, refusing, whileRefusing, origin, check);
    }
}
