package org.sockd.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a program a test drives (mandoc, socksify, tnftp, ...) is installed. */
final class Programs {

    private Programs() {
    }

    /** @return whether {@code command} is an executable in a directory of {@code PATH} */
    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
