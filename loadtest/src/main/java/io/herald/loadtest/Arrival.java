package io.herald.loadtest;

/** One frame as one connection received it, stamped with {@link System#nanoTime()} when its last fragment arrived. */
record Arrival(int connectionId, Registration receiver, Frame frame, long atNanos) {}
