package org.sockd.common.io;

import java.io.Closeable;
import java.io.IOException;

/** Closing on paths where a failure to close has nobody to tell. */
public final class Closing {

    private Closing() {
    }

    /** Closes, ignoring the error: the descriptor is released either way. {@code null} is ignored. */
    public static void quietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            // the descriptor is released either way
        }
    }
}
