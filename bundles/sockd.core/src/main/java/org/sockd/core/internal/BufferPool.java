package org.sockd.core.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Large direct buffers for bulk transfers, lent to a relay direction only while data is flowing so
 * that idle sessions hold none. At most {@code limit} are out at once; past that, callers make do
 * with their small buffer.
 */
final class BufferPool {

    private final int size;
    private final int limit;
    private final ArrayBlockingQueue<ByteBuffer> free;
    private final AtomicInteger lent = new AtomicInteger();

    BufferPool(int size, int limit) {
        this.size = size;
        this.limit = limit;
        this.free = new ArrayBlockingQueue<>(limit);
    }

    /** @return a cleared buffer, or {@code null} when {@code limit} buffers are already lent */
    ByteBuffer borrow() {
        int out;
        do {
            out = lent.get();
            if (out >= limit) {
                return null;
            }
        } while (!lent.compareAndSet(out, out + 1));
        ByteBuffer buffer = free.poll();
        if (buffer != null) {
            return buffer;
        }
        try {
            return ByteBuffer.allocateDirect(size);
        } catch (OutOfMemoryError e) {
            lent.decrementAndGet(); // out of direct memory: the caller makes do with its small buffer
            return null;
        }
    }

    void giveBack(ByteBuffer buffer) {
        buffer.clear();
        free.offer(buffer);
        lent.decrementAndGet();
    }

    int size() {
        return size;
    }

    int lent() {
        return lent.get();
    }

    /** @return buffers given back and kept for the next borrower: direct memory the pool holds while idle */
    int pooled() {
        return free.size();
    }
}
