package org.sockd.access.internal.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a frozen file lives and how to recognise one. */
public final class FrozenFiles {

    private FrozenFiles() {
    }

    /** {@code sockd.conf} freezes to {@code sockd.fc} beside it (classic names); any other name gets {@code .fc} added. */
    public static Path frozenPathFor(Path text) {
        String name = text.getFileName().toString();
        String frozen = name.endsWith(".conf") ? name.substring(0, name.length() - ".conf".length()) + ".fc"
                : name.endsWith(".fc") ? name : name + ".fc";
        return text.resolveSibling(frozen);
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
