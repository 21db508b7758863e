package org.sockd.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The admin client ({@code bin/sockd ctl}) as a user runs it: the ControlClient main from the
 * bundle jars inside the built sockd.jar, taken out once into a directory every user can read, so
 * that it can also run as another local user.
 */
final class AdminTools {

    private static final String CONTROL_CLIENT = "org.sockd.admin.internal.ControlClient";

    private AdminTools() {
    }

    /** Runs the client on the socket with the arguments, as the user running the tests. */
    static ProgramResult ctl(Path socket, String... args) throws IOException, InterruptedException {
        return run(List.of(), clientCommand(socket, args));
    }

    /** Runs the client as another local user (setpriv, so the caller must be root). */
    static ProgramResult ctlAs(String user, Path socket, String... args) throws IOException, InterruptedException {
        return run(asUser(user), clientCommand(socket, args));
    }

    /** @return the command prefix that runs a program as the user, in the same process (no fork, so signals reach it) */
    static List<String> asUser(String user) {
        return List.of(LocalUsers.tool("setpriv"), "--reuid=" + user, "--regid=" + user, "--init-groups", "--");
    }

    private static List<String> clientCommand(Path socket, String... args) throws IOException {
        List<String> clientArgs = new ArrayList<>();
        if (socket != null) {
            clientArgs.addAll(List.of("--socket", socket.toString()));
        }
        clientArgs.addAll(List.of(args));
        // no hsperfdata files in /tmp from every short run, under every user
        return Build.toolCommand(List.of("-XX:-UsePerfData"), CONTROL_CLIENT, clientArgs);
    }

    /** Runs the command to its end (bounded), collecting standard output and standard error apart. */
    static ProgramResult run(List<String> prefix, List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        return ProgramResult.run(LocalUsers.forAnyUser(full), null, 180);
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tests that need root run in CI (CI=true, as root); elsewhere they are skipped when not root. */
    static boolean mayRunAsRoot() {
        return isRoot() || "true".equals(System.getenv("CI"));
    }

    static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            return new String(id.getInputStream().readAllBytes()).strip().equals("0") && id.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
