package io.herald.loadtest;

/** Where a {@link PlayerSession} sends client frames: the WebSocket in a run, a list in a test. */
interface Outbox {
    void send(String frame);

    /** Starts a normal close after every frame already sent. */
    void close();

    /** Drops the connection at once, for a node that no longer answers a close. */
    void abort();
}
