package org.sockd.e2e;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Processes started the way an operator starts sockd: through the scripts in {@code bin/}, directly
 * or under a program that hands it a socket (socat, systemd-socket-activate). Every script in the
 * chain {@code exec}s the next, so the process ends as the daemon's JVM and its exit status is the
 * daemon's.
 */
final class ScriptProcess {

    private ScriptProcess() {
    }

    /**
     * @param command the program and its arguments
     * @param environment variables to set on top of this JVM's environment
     */
    static ChildProcess start(List<String> command, Map<String, String> environment) throws IOException {
        return ChildProcess.start(builder(command, environment));
    }

    /** @return a builder for the command with the environment, the scripts finding this JDK as a user's JAVA_HOME */
    static ProcessBuilder builder(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    /** @return the path of a script in {@code bin/} */
    static String script(String name) {
        return Build.ROOT.resolve("bin").resolve(name).toString();
    }
}
