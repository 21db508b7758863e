package org.sockd.access.internal.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** How to recognise a frozen file and whether it is stale. */
public final class FrozenFiles {

    private FrozenFiles() {
    }

    /** @return whether the file starts with the frozen header (an unreadable file is not frozen) */
    static boolean isFrozen(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return FrozenFormat.looksFrozen(in.readNBytes(FrozenFormat.MAGIC.length));
        } catch (IOException e) {
            return false;
        }
    }

    static boolean olderThan(Path frozen, Path text) {
        try {
            return Files.exists(text) && !frozen.equals(text)
                    && Files.getLastModifiedTime(frozen).compareTo(Files.getLastModifiedTime(text)) < 0;
        } catch (IOException e) {
            return false;
        }
    }
}
