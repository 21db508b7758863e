package org.sockd.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

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

    /**
     * Skips the test when a program is missing, except in CI (CI=true), where a missing
     * prerequisite fails it: .ci/run installs every one.
     *
     * @param install the command that installs them, for the message
     */
    static void require(List<String> commands, String install) {
        List<String> missing = commands.stream().filter(command -> !onPath(command)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "needs " + missing + " on the PATH: " + install;
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " (.ci/run installs them)");
        }
        Assumptions.abort(message);
    }
}
