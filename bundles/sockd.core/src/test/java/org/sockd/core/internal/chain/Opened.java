package org.sockd.core.internal.chain;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a test (or a stand-in server) opened, closed together at its end, in the order opened. */
final class Opened implements AutoCloseable {

    private final List<AutoCloseable> all = new CopyOnWriteArrayList<>();

    <T extends AutoCloseable> T add(T closeable) {
        all.add(closeable);
        return closeable;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : all) {
            closeable.close();
        }
    }
}
