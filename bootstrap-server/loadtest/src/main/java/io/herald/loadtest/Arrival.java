package io.herald.loadtest;

/**
 * One frame as one connection received it, stamped with {@link System#nanoTime()} when its last fragment arrived;
 * {@code node} is the server node that connection is on, so deliveries can be counted per node.
 */
record Arrival(int connectionId, int node, RegisteredPlayer receiver, Frame frame, long atNanos) {}
