package org.sockd.admin.internal;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;

/** The real Gogo runtime outside a framework, with test commands in scope {@code sockd}. */
final class Gogo implements AutoCloseable {

    /** It replaces System.out and System.err once for the JVM, as the runtime bundle does for a framework. */
    private static final ThreadIOImpl THREAD_IO = startThreadIO();

    private final CommandProcessorImpl processor = new CommandProcessorImpl(THREAD_IO);

    Gogo(Object commands, String... functions) {
        for (String function : functions) {
            processor.addCommand("sockd", commands, function);
        }
    }

    private static ThreadIOImpl startThreadIO() {
        ThreadIOImpl threadIO = new ThreadIOImpl();
        threadIO.start();
        return threadIO;
    }

    CommandProcessorImpl processor() {
        return processor;
    }

    @Override
    public void close() {
        processor.stop();
    }
}
