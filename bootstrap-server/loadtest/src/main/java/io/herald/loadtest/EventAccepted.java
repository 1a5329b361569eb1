package io.herald.loadtest;

/** A NodeComplete the server accepted: its id and when the POST left and its answer came back (nanoTime). */
record EventAccepted(String eventId, long sentNanos, long acceptedNanos) {}
