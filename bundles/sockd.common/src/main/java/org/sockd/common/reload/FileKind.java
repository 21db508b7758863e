package org.sockd.common.reload;

import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;

/**
 * What a {@link LiveFile} needs to know about one kind of file (sockd.conf, sockd.route, a password
 * file): how to count and describe its content, and what stands in force while no valid file was
 * ever read.
 *
 * @param <T> what a valid file gives
 */
public interface FileKind<T> {

    /** @return what the entries are called in log lines, plural: "rules", "routes", "users" */
    String noun();

    /** @return how many entries the content holds */
    int size(T content);

    /**
     * What stands in force when the file cannot be used at start: there is nothing older to keep,
     * so it must refuse everything (fail closed) until a reload succeeds.
     *
     * @param errors why the file was refused, at least one
     */
    T refusing(Path file, List<FileError> errors);

    /** @return what {@link #refusing} means for clients, for the log: "refusing every request" */
    String whileRefusing();

    /** @return where the content was read from, for the log; the file unless it came from another (a frozen twin) */
    default String origin(Path file, T content) {
        return file.toString();
    }

    /** Warns about content about to take over (empty, readable by others); never refuses it. */
    default void review(Path file, T content, Logger log) {
    }
}
