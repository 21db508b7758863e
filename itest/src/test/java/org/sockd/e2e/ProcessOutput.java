package org.sockd.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The lines a child process prints, collected as they come so that tests can wait for one. */
final class ProcessOutput {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread collector;

    ProcessOutput(Process process) {
        this.collector = Thread.ofVirtual().start(() -> collect(process));
    }

    /** @return the lines so far; read live, so a caller may iterate while more arrive */
    List<String> lines() {
        return lines;
    }

    /** Waits (bounded) until the process's output has ended and every line is collected. */
    void awaitEnd(long millis) throws InterruptedException {
        collector.join(millis);
    }

    private void collect(Process process) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process is gone
        }
    }
}
