package org.sockd.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Password files made by the real tool, as {@code bin/sockd passwd FILE USER} makes them:
 * {@code PasswordTool} runs from the bundle jars of the built {@code sockd.jar} in a JVM of its
 * own, reading the password from its standard input. (Not through {@code bin/sockd} itself, which
 * would rebuild the jar under the tests when a source is newer.)
 */
final class AuthPasswordFile {

    private AuthPasswordFile() {
    }

    /** @return a new password file with these users and passwords */
    static Path create(Map<String, String> passwords) throws IOException, InterruptedException {
        Path file = Files.createTempDirectory("sockd-auth").resolve("sockd.passwd");
        for (Map.Entry<String, String> user : passwords.entrySet()) {
            ProgramResult result = passwd(file, user.getKey(), user.getValue());
            if (result.exitCode() != 0 || !result.out().contains("added " + user.getKey() + " in " + file)) {
                throw new AssertionError("sockd passwd " + file + " " + user.getKey() + " failed: " + result);
            }
        }
        return file;
    }

    /** Runs {@code sockd passwd FILE USER} with the password (and a newline) on standard input. */
    static ProgramResult passwd(Path file, String user, String password) throws IOException, InterruptedException {
        List<String> command = Build.toolCommand(List.of("-Dsockd.log.level=warn"), "org.sockd.auth.internal.PasswordTool",
                List.of("passwd", file.toString(), user));
        return AuthClients.run(command, password + "\n");
    }
}
