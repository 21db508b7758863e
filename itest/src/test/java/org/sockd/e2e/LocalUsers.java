package org.sockd.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real local users for the ident tests, and programs run as them (so the sockets they open are owned
 * by them, as identd reports). Users are created once and kept: deleting them could pull a user from
 * under another test run; they are system users without a home or a login shell.
 */
final class LocalUsers {

    private LocalUsers() {
    }

    /** Creates the system user unless it exists; returns its uid. */
    static synchronized int ensure(String name) throws IOException, InterruptedException {
        ProgramResult id = run(List.of("id", "-u", name));
        if (id.exitCode() == 0) {
            return Integer.parseInt(id.out().strip());
        }
        ProgramResult add = run(List.of(tool("useradd"), "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name));
        // 9: the name was taken meanwhile (another run created it): just as good
        if (add.exitCode() != 0 && add.exitCode() != 9) {
            throw new AssertionError("useradd " + name + " failed (" + add.exitCode() + "): " + add.out());
        }
        id = run(List.of("id", "-u", name));
        if (id.exitCode() != 0) {
            throw new AssertionError("user " + name + " does not exist after useradd: " + id.out());
        }
        return Integer.parseInt(id.out().strip());
    }

    /** Sets the user's login password (chpasswd, so the caller must be root). */
    static void setPassword(String name, String password) throws IOException, InterruptedException {
        ProgramResult set = ProgramResult.run(new ProcessBuilder(tool("chpasswd")).redirectErrorStream(true),
                name + ":" + password + "\n", 30);
        if (set.exitCode() != 0) {
            throw new AssertionError("chpasswd for " + name + " failed (" + set.exitCode() + "): " + set.out());
        }
    }

    /** Runs the command as the given user (runuser, so the caller must be root). */
    static ProgramResult runAs(String user, List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of(tool("runuser"), "-u", user, "--"));
        full.addAll(command);
        return run(full, timeoutSeconds);
    }

    static String tool(String name) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
            Path path = Path.of(dir, name);
            if (Files.isExecutable(path)) {
                return path.toString();
            }
        }
        return name;
    }

    private static ProgramResult run(List<String> command) throws IOException, InterruptedException {
        return run(command, 30);
    }

    private static ProgramResult run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        return ProgramResult.run(forAnyUser(command).redirectErrorStream(true), null, timeoutSeconds);
    }

    /** @return a builder for the command that works whoever it runs as: in "/", with nothing on standard input */
    static ProcessBuilder forAnyUser(List<String> command) {
        // "/" is readable by every user, unlike the build directory may be
        return new ProcessBuilder(command).directory(Path.of("/").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    }
}
