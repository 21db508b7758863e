package org.sockd.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Password files made by the real tool, as {@code bin/sockd passwd FILE USER} makes them: the
 * bundle jars are taken out of the built {@code sockd.jar} once and {@code PasswordTool} runs from
 * them in a JVM of its own, reading the password from its standard input. (Not through
 * {@code bin/sockd} itself, which would rebuild the jar under the tests when a source is newer.)
 */
final class AuthPasswordFile {

    private static Path tools;

    private AuthPasswordFile() {
    }

    /** @return a new password file with these users and passwords */
    static Path create(Map<String, String> passwords) throws IOException, InterruptedException {
        Path file = Files.createTempDirectory("sockd-auth").resolve("sockd.passwd");
        for (Map.Entry<String, String> user : passwords.entrySet()) {
            AuthClients.Result result = passwd(file, user.getKey(), user.getValue());
            if (result.exitCode() != 0 || !result.stdout().contains("added " + user.getKey() + " in " + file)) {
                throw new AssertionError("sockd passwd " + file + " " + user.getKey() + " failed: " + result);
            }
        }
        return file;
    }

    /** Runs {@code sockd passwd FILE USER} with the password (and a newline) on standard input. */
    static AuthClients.Result passwd(Path file, String user, String password) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsockd.log.level=warn", "-cp", tools() + "/*", "org.sockd.auth.internal.PasswordTool",
                "passwd", file.toString(), user);
        return AuthClients.run(command, password + "\n");
    }

    /** The {@code jar/} entries of sockd.jar, the tools' class path, as bin/sockd's run_tool takes them out. */
    private static synchronized Path tools() throws IOException {
        if (tools == null) {
            Path dir = Files.createTempDirectory("sockd-tools");
            try (ZipInputStream jar = new ZipInputStream(Files.newInputStream(Daemon.JAR))) {
                for (ZipEntry entry; (entry = jar.getNextEntry()) != null; ) {
                    String name = entry.getName();
                    if (name.startsWith("jar/") && name.endsWith(".jar") && name.indexOf('/', 4) < 0) {
                        Files.copy(jar, dir.resolve(name.substring(4)), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            tools = dir;
        }
        return tools;
    }
}
