package org.sockd.common.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/** Where the frozen (compiled) form of a rules file lives, by the classic naming, and whether it is stale. */
public final class FrozenName {

    private FrozenName() {
    }

    /**
     * {@code sockd.conf} freezes to {@code sockd.fc} beside it (classic names); a name that already
     * ends in {@code .fc} is its own frozen form; any other name gets {@code .fc} added.
     */
    public static Path of(Path text) {
        return twin(text, ".conf", ".fc");
    }

    /**
     * {@code sockd.route} freezes to {@code sockd.fr} beside it (classic names); a name that already
     * ends in {@code .fr} is its own frozen form; any other name gets {@code .fr} added.
     */
    public static Path ofRoute(Path text) {
        return twin(text, ".route", ".fr");
    }

    /**
     * @return whether the frozen file was last modified before its text, so an edit made since would
     *         be lost; a text that cannot be read is no reason to distrust its frozen twin
     */
    public static boolean olderThan(Path frozen, Path text) {
        return !frozen.equals(text) && modified(text).flatMap(textTime -> modified(frozen)
                .map(frozenTime -> frozenTime.compareTo(textTime) < 0)).orElse(false);
    }

    private static Path twin(Path text, String textEnding, String frozenEnding) {
        String name = text.getFileName().toString();
        String frozen = name.endsWith(textEnding) ? name.substring(0, name.length() - textEnding.length()) + frozenEnding
                : name.endsWith(frozenEnding) ? name : name + frozenEnding;
        return text.resolveSibling(frozen);
    }

    private static Optional<FileTime> modified(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
