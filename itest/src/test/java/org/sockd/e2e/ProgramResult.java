package org.sockd.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * What a program run to its end printed on each stream (all in {@code out} when its builder merges
 * standard error into standard output), and how it exited.
 */
record ProgramResult(int exitCode, String out, String err) {

    /**
     * Runs the program to its end, bounded: after the timeout it is killed and the test fails.
     * Its streams are read on other threads, so that a hung program cannot hang the test beyond that.
     *
     * @param stdin what to write on its standard input before closing it, or {@code null} for nothing
     */
    static ProgramResult run(ProcessBuilder program, String stdin, int timeoutSeconds)
            throws IOException, InterruptedException {
        Process process = program.start();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Thread outReader = Thread.ofVirtual().start(() -> collect(process.getInputStream(), out));
        Thread errReader = Thread.ofVirtual().start(() -> collect(process.getErrorStream(), err));
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            outReader.join(2000);
            errReader.join(2000);
            throw new AssertionError(String.join(" ", program.command()) + " did not finish within " + timeoutSeconds
                    + " s; stdout so far: " + out + "\nstderr so far: " + err);
        }
        outReader.join(5000);
        errReader.join(5000);
        return new ProgramResult(process.exitValue(), out.toString(), err.toString());
    }

    private static void collect(InputStream stream, StringBuilder into) {
        try (stream) {
            into.append(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the process is gone
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
    }
}
