package org.sockd.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Changes files the way editors save them. Shared through this module's test-jar. */
public final class Editor {

    private Editor() {
    }

    /** As an editor saves: a new file renamed over the old one, so no reader sees half of it. */
    public static void replace(Path file, String text) {
        try {
            Path saved = Files.writeString(file.resolveSibling(file.getFileName() + ".new"), text);
            Files.move(saved, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
