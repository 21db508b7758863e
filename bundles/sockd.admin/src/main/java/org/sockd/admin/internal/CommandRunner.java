package org.sockd.admin.internal;

/** Runs one command line and tells what came of it. */
@FunctionalInterface
interface CommandRunner {

    /**
     * @param commandLine the line as the client sent it
     * @return the answer; a command that fails gives an answer too, never an exception
     * @throws InterruptedException when the command was given up on while it ran
     */
    Answer run(String commandLine) throws InterruptedException;
}
